// Command handlers: translate parsed flags into the options of a core
// command, run it, and print its result. No delivery logic here.
import type { Handler } from './main.js';

export const handlers: Record<string, Handler> = {};
