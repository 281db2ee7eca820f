#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// packages/core/src/errors/index.ts
var WerfActionError = class extends Error {
  code;
  location;
  hint;
  constructor(message, details) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.name = "WerfActionError";
    this.code = details.code;
    this.location = details.location;
    this.hint = details.hint;
  }
  /** `file:line:col: message` plus the hint on its own line. */
  format() {
    const where = formatLocation(this.location);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}
  hint: ${this.hint}` : head;
  }
};
function formatLocation(loc) {
  if (!loc) return "";
  const parts = [];
  if (loc.file) {
    let pos = loc.file;
    if (loc.line !== void 0) {
      pos += `:${loc.line}`;
      if (loc.column !== void 0) pos += `:${loc.column}`;
    }
    parts.push(pos);
  }
  if (loc.subject) parts.push(loc.subject);
  return parts.join(": ");
}
function isWerfActionError(e) {
  return e instanceof WerfActionError;
}
function describeError(e) {
  if (isWerfActionError(e)) return e.format();
  if (e instanceof Error) return `internal error: ${e.message}`;
  return `internal error: ${String(e)}`;
}

// packages/core/src/log/index.ts
var MIN_SECRET_LENGTH = 3;
function createLogger(sink, options = {}) {
  const secrets = /* @__PURE__ */ new Set();
  const now = options.now ?? Date.now;
  let sorted = [];
  const redact = (text) => {
    let out = text;
    for (const s of sorted) if (out.includes(s)) out = out.split(s).join("***");
    return out;
  };
  const emit = (level, message) => {
    for (const line of redact(message).split("\n")) sink.write(level, line);
  };
  return {
    debug: (m) => {
      if (options.verbose) emit("debug", m);
    },
    info: (m) => emit("info", m),
    warn: (m) => emit("warn", m),
    error: (m) => emit("error", m),
    mask(secret) {
      if (!secret || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
      secrets.add(secret);
      sorted = [...secrets].sort((a, b) => b.length - a.length);
      sink.mask?.(secret);
    },
    redact,
    async section(title, fn) {
      const start = now();
      if (sink.startSection) sink.startSection(redact(title));
      else emit("info", `\u250C ${title}`);
      try {
        return await fn();
      } finally {
        const elapsed = now() - start;
        if (sink.endSection) sink.endSection(redact(title), elapsed);
        else emit("info", `\u2514 ${title} (${(elapsed / 1e3).toFixed(2)}s)`);
      }
    }
  };
}
function consoleSink(stream = process.stderr) {
  return {
    write(level, line) {
      const prefix = level === "warn" ? "Warning: " : level === "error" ? "Error: " : "";
      stream.write(prefix + line + "\n");
    }
  };
}

// packages/core/src/context.ts
function createContext(overrides = {}) {
  return {
    log: overrides.log ?? createLogger(consoleSink()),
    signal: overrides.signal ?? new AbortController().signal,
    now: overrides.now ?? Date.now,
    env: overrides.env ?? process.env
  };
}

// packages/core/src/version.ts
var VERSION = true ? "0.1.0" : "0.1.0-dev";

// packages/cli/src/flags.ts
function envName(spec) {
  if (spec.env === false) return void 0;
  return spec.env ?? `WERF_${spec.name.toUpperCase().replace(/-/g, "_")}`;
}
var TRUE = /* @__PURE__ */ new Set(["1", "true", "yes", "on"]);
var FALSE = /* @__PURE__ */ new Set(["0", "false", "no", "off", ""]);
function parseBool(raw, where) {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw usage(`${where}: "${raw}" is not a boolean`, "use true or false");
}
function parseInt10(raw, where) {
  if (!/^-?\d+$/.test(raw.trim())) throw usage(`${where}: "${raw}" is not an integer`);
  return Number(raw);
}
function usage(message, hint) {
  return new WerfActionError(message, { code: "cli.usage", hint: hint ?? "see --help" });
}
function parseArgs(argv, specs, env) {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short, s]));
  const flags = {};
  const sources = {};
  const positionals = [];
  let rest = [];
  const set = (spec, raw, where) => {
    switch (spec.type) {
      case "bool":
        flags[spec.name] = raw === void 0 ? true : parseBool(raw, where);
        break;
      case "int":
        flags[spec.name] = parseInt10(raw ?? "", where);
        break;
      case "list":
        flags[spec.name] = [...flags[spec.name] ?? [], raw ?? ""];
        break;
      default:
        flags[spec.name] = raw ?? "";
    }
    sources[spec.name] = where;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      rest = argv.slice(i + 1);
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    let name;
    let inline;
    let spec;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? void 0 : arg.slice(eq + 1);
      spec = byName.get(name);
    } else {
      name = arg.slice(1, 2);
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, "") : void 0;
      spec = byShort.get(name);
    }
    if (!spec) throw usage(`unknown flag ${arg.split("=")[0]}`);
    const where = `flag --${spec.name}`;
    if (spec.type === "bool") {
      set(spec, inline, where);
      continue;
    }
    if (inline === void 0) {
      const next = argv[i + 1];
      if (next === void 0) throw usage(`flag --${spec.name} needs a value`);
      inline = next;
      i++;
    }
    set(spec, inline, where);
  }
  for (const spec of specs) {
    if (flags[spec.name] !== void 0) continue;
    const name = envName(spec);
    if (name) {
      if (spec.type === "list") {
        const prefix = `${name}_`;
        const keys = Object.keys(env).filter((k) => (k === name || k.startsWith(prefix)) && env[k] !== void 0 && env[k] !== "").sort();
        if (keys.length) {
          flags[spec.name] = keys.map((k) => env[k]);
          sources[spec.name] = `environment ${keys.join(", ")}`;
          continue;
        }
      } else if (env[name] !== void 0 && env[name] !== "") {
        set(spec, env[name], `environment ${name}`);
        continue;
      }
    }
    if (spec.default !== void 0) flags[spec.name] = spec.default;
    else if (spec.type === "list") flags[spec.name] = [];
  }
  return { flags, sources, positionals, rest };
}
function str(flags, name) {
  const v = flags[name];
  return typeof v === "string" && v !== "" ? v : void 0;
}
function bool(flags, name) {
  return flags[name] === true;
}
function int(flags, name) {
  const v = flags[name];
  return typeof v === "number" ? v : void 0;
}
function list(flags, name) {
  const v = flags[name];
  return Array.isArray(v) ? v : [];
}

export {
  WerfActionError,
  formatLocation,
  isWerfActionError,
  describeError,
  createLogger,
  consoleSink,
  createContext,
  VERSION,
  envName,
  usage,
  parseArgs,
  str,
  bool,
  int,
  list
};
