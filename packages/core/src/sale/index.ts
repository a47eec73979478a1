export * from './cart.ts';
export * from './catalog-item.ts';
export * from './complete-sale.ts';
export * from './discount.ts';
export * from './price-cart.ts';
