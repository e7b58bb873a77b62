export * from './alpha';
export * from './kappa';
export * from './unitizing';
export * from './words';
export * from './places';
export * from './report';
export * from './render';
export * from './adjudicated';
