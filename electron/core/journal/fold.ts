export { foldSales, isSettled, type FoldedSale, type SaleState as FoldedSaleState } from '../../contract/sale-fold';
