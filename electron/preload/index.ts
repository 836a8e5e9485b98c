import { contextBridge, ipcRenderer } from 'electron';
import { buildPosApi } from './api';

contextBridge.exposeInMainWorld('pos', buildPosApi(ipcRenderer));
