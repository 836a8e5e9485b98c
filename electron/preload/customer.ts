import { contextBridge, ipcRenderer } from 'electron';
import { buildCustomerApi } from './customer-api';

contextBridge.exposeInMainWorld('customer', buildCustomerApi(ipcRenderer));
