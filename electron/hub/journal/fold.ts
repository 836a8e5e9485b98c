// The hub folds sales with the counter's own fold (electron/contract/sale-fold.ts).
export { applySaleEvent, foldSale, newFoldedSale as newSale, saleIdOf, type FoldEvent, type FoldedSale as HubSale, type LatePayment, type SaleError, type SaleState } from '../../contract/sale-fold';
