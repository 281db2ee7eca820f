// `werf-action helm secret ...`: werf's secret commands, compatible with the
// files werf writes (generate-secret-key, values encrypt|decrypt|edit,
// file encrypt|decrypt). Each returns the text to print or write.
import type { Context } from '../context.js';
import {
  decryptFile, decryptValuesYaml, encryptFile, encryptValuesYaml, findSecretKey, generateSecretKey,
  reencryptValuesYaml, type SecretFormat, type SecretKeyOptions,
} from '../chart/secrets.js';

export type HelmSecretOperation =
  | { op: 'generate-secret-key' }
  | { op: 'values-encrypt'; text: string; file?: string }
  | { op: 'values-decrypt'; text: string; file?: string }
  /** `values edit` without an editor: `newPlain` replaces the content, unchanged leaves keep their ciphertext. */
  | { op: 'values-edit'; encrypted: string; newPlain: string; file?: string }
  | { op: 'file-encrypt'; data: Uint8Array | string }
  | { op: 'file-decrypt'; text: string };

export interface HelmSecretOptions extends SecretKeyOptions {
  /** Ciphertext format for new data: 'cbc' (werf's classic, default) or 'gcm'. */
  format?: SecretFormat;
}

/** Runs one operation; the result is what werf prints (or writes with -o). */
export function helmSecret(ctx: Context, operation: HelmSecretOperation, opts: HelmSecretOptions = {}): string | Uint8Array {
  if (operation.op === 'generate-secret-key') return generateSecretKey() + '\n';
  const key = findSecretKey(ctx, opts);
  switch (operation.op) {
    case 'values-encrypt': return encryptValuesYaml(key, operation.text, operation.file, opts.format);
    case 'values-decrypt': return decryptValuesYaml(key, operation.text, operation.file, (s) => ctx.log.mask(s));
    case 'values-edit': return reencryptValuesYaml(key, operation.encrypted, operation.newPlain, operation.file, opts.format);
    case 'file-encrypt': return encryptFile(key, operation.data, opts.format);
    case 'file-decrypt': {
      const out = decryptFile(key, operation.text);
      ctx.log.mask(out.toString('utf8'));
      return out;
    }
  }
}
