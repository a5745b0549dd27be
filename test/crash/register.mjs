// `node --import ./test/crash/register.mjs file.ts`: run TypeScript sources (see ts-loader.mjs).
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
