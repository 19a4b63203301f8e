import { placeholder } from '@app/xima-sandbox';
console.log('sandbox', placeholder);
