import { registerApp } from './register.svelte.ts';
import { ReturnsState } from './returns.svelte.ts';
import { SaleState } from './sale.svelte.ts';
import { ShiftState } from './shift.svelte.ts';
import { TradeInState } from './trade-in.svelte.ts';

/** One of each per tab: the register's screens share them, so a sale survives switching tabs. */
export const sale = new SaleState(registerApp);
export const returnsDesk = new ReturnsState(registerApp);
export const buyCounter = new TradeInState(registerApp);
export const till = new ShiftState(registerApp);
export { registerApp };
