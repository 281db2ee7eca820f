#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VERSION,
  WerfActionError,
  bool,
  consoleSink,
  createContext,
  createLogger,
  formatLocation,
  int,
  list,
  str,
  usage
} from "./chunk-JS6LNNLF.js";
import {
  execa,
  execaSync
} from "./chunk-VE2LNKZE.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-572HMJST.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK2 = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK2;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK2)
              return BREAK2;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK2)
            return BREAK2;
          else if (ck === REMOVE)
            node.key = null;
          const cv2 = visit_("value", node.value, visitor, path);
          if (cv2 === BREAK2)
            return BREAK2;
          else if (cv2 === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK2;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK2)
              return BREAK2;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK2)
            return BREAK2;
          else if (ck === REMOVE)
            node.key = null;
          const cv2 = await visitAsync_("value", node.value, visitor, path);
          if (cv2 === BREAK2)
            return BREAK2;
          else if (cv2 === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name2 = parts.shift();
        switch (name2) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name2}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag2) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag2.startsWith(prefix))
            return handle + escapeTagName(tag2.substring(prefix.length));
        }
        return tag2[0] === "!" ? tag2 : `!<${tag2}>`;
      }
      toString(doc) {
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines2.push(`%TAG ${handle} ${prefix}`);
        }
        return lines2.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name2 = `${prefix}${i}`;
        if (!exclude.has(name2))
          return name2;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len2 = val.length; i < len2; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value2, arg, ctx) {
      if (Array.isArray(value2))
        return value2.map((v, i) => toJS(v, String(i), ctx));
      if (value2 && typeof value2.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value2))
          return value2.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value2, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value2.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value2 === "bigint" && !ctx?.keep)
        return Number(value2);
      return value2;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value2) => !value2 || typeof value2 !== "function" && typeof value2 !== "object";
    var Scalar2 = class extends Node.NodeBase {
      constructor(value2) {
        super(identity.SCALAR);
        this.value = value2;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar2.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar2.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar2.PLAIN = "PLAIN";
    Scalar2.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar2.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar2;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value2, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value2) && !t.format);
    }
    function createNode(value2, tagName, ctx) {
      if (identity.isDocument(value2))
        value2 = value2.contents;
      if (identity.isNode(value2))
        return value2;
      if (identity.isPair(value2)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value2);
        return map;
      }
      if (value2 instanceof String || value2 instanceof Number || value2 instanceof Boolean || typeof BigInt !== "undefined" && value2 instanceof BigInt) {
        value2 = value2.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value2 && typeof value2 === "object") {
        ref = sourceObjects.get(value2);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value2));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value2, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value2, tagName, schema.tags);
      if (!tagObj) {
        if (value2 && typeof value2.toJSON === "function") {
          value2 = value2.toJSON();
        }
        if (!value2 || typeof value2 !== "object") {
          const node2 = new Scalar2.Scalar(value2);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value2 instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value2) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value2, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value2, ctx) : new Scalar2.Scalar(value2);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value2) {
      let v = value2;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value2) {
        if (isEmptyPath(path))
          this.add(value2);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value2);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value2));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value2) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value2);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value2);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value2));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str4) => str4.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str4, indent, comment) => str4.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str4.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str4) => /^(%|---|\.\.\.)/m.test(str4);
    function lineLengthOverLimit(str4, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str4.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str4[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value2, ctx) {
      const json = JSON.stringify(value2);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value2) ? "  " : "");
      let str4 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str4 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str4 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str4 += "\\0";
                    break;
                  case "0007":
                    str4 += "\\a";
                    break;
                  case "000b":
                    str4 += "\\v";
                    break;
                  case "001b":
                    str4 += "\\e";
                    break;
                  case "0085":
                    str4 += "\\N";
                    break;
                  case "00a0":
                    str4 += "\\_";
                    break;
                  case "2028":
                    str4 += "\\L";
                    break;
                  case "2029":
                    str4 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str4 += "\\x" + code.substr(2);
                    else
                      str4 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str4 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str4 += "\n";
                  i += 2;
                }
                str4 += indent;
                if (json[i + 2] === " ")
                  str4 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str4 = start ? str4 + json.slice(start) : json;
      return implicitKey ? str4 : foldFlowLines.foldFlowLines(str4, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value2, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value2.includes("\n") || /[ \t]\n|\n[ \t]/.test(value2))
        return doubleQuotedString(value2, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value2) ? "  " : "");
      const res = "'" + value2.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value2, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value2.includes('"');
        const hasSingle = value2.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value2, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value: value2 }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value2)) {
        return quotedString(value2, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value2) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar2.Scalar.BLOCK_FOLDED ? false : type === Scalar2.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value2, lineWidth, indent.length);
      if (!value2)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value2.length; endStart > 0; --endStart) {
        const ch = value2[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value2.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value2 === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value2 = value2.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value2.length; ++startEnd) {
        const ch = value2[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value2.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value2 = value2.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value2.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar2.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value2 = value2.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value2}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value: value2 } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value2.includes("\n") || inFlow && /[[\]{},]/.test(value2)) {
        return quotedString(value2, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value2)) {
        return implicitKey || inFlow || !value2.includes("\n") ? quotedString(value2, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar2.Scalar.PLAIN && value2.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value2)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value2, ctx);
        }
      }
      const str4 = value2.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag2) => tag2.default && tag2.tag !== "tag:yaml.org,2002:str" && tag2.test?.test(str4);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value2, ctx);
      }
      return implicitKey ? str4 : foldFlowLines.foldFlowLines(str4, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar2.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar2.Scalar.BLOCK_FOLDED:
          case Scalar2.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar2.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name2 = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name2} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag2 = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag2)
        props.push(doc.directives.tagString(tag2));
      return props.join(" ");
    }
    function stringify3(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str4 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str4;
      return identity.isScalar(node) || str4[0] === "{" || str4[0] === "[" ? `${props} ${str4}` : `${props}
${ctx.indent}${str4}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value: value2 }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value2 == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar2.Scalar.BLOCK_FOLDED || key.type === Scalar2.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str4 = stringify3.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str4.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value2 == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str4 === "" ? "?" : explicitKey ? `? ${str4}` : str4;
        }
      } else if (allNullValues && !simpleKeys || value2 == null && explicitKey) {
        str4 = `? ${str4}`;
        if (keyComment && !keyCommentDone) {
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str4;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
        str4 = `? ${str4}
${indent}:`;
      } else {
        str4 = `${str4}:`;
        if (keyComment)
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value2)) {
        vsb = !!value2.spaceBefore;
        vcb = value2.commentBefore;
        valueComment = value2.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value2 && typeof value2 === "object")
          value2 = doc.createNode(value2);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value2))
        ctx.indentAtStart = str4.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value2) && !value2.flow && !value2.tag && !value2.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify3.stringify(value2, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value2)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value2.flow ?? value2.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str4 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str4;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value2) => value2 === MERGE_KEY || typeof value2 === "symbol" && value2.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar2.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar2.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag2) => tag2.tag === merge.tag && tag2.default);
    function addMergeToJSMap(ctx, map, value2) {
      const source = resolveAliasValue(ctx, value2);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value2) {
      const source = resolveAliasValue(ctx, value2);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value3] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value3);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value3,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value2) {
      return ctx && identity.isAlias(value2) ? value2.resolve(ctx.doc, ctx) : value2;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify3 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value: value2 }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value2);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value2);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value2, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value2, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify3.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value2, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value2, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value2 = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value2;
      }
      clone(schema) {
        let { key, value: value2 } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value2))
          value2 = value2.clone(schema);
        return new _Pair(key, value2);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify4(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str5 = stringify3.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str5 += stringifyComment.lineComment(str5, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines2.push(blockItemPrefix + str5);
      }
      let str4;
      if (lines2.length === 0) {
        str4 = flowChars.start + flowChars.end;
      } else {
        str4 = lines2[0];
        for (let i = 1; i < lines2.length; ++i) {
          const line = lines2[i];
          str4 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str4 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str4;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str4 = stringify3.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines2.length > linesAtValue || str4.includes("\n"));
        if (i < items.length - 1) {
          str4 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line) => sum + line.length + 2, 2) + (str4.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str4 += ",";
          }
        }
        if (comment)
          str4 += stringifyComment.lineComment(str4, itemIndent, commentString(comment));
        lines2.push(str4);
        linesAtValue = lines2.length;
      }
      const { start, end } = flowChars;
      if (lines2.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len2 = lines2.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len2 > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str4 = start;
          for (const line of lines2)
            str4 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str4}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines2.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value2) => {
          if (typeof replacer === "function")
            value2 = replacer.call(obj, key, value2);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value2 !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value2, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value2] of obj)
            add2(key, value2);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar2.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value2) {
        this.add(new Pair.Pair(key, value2), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value2) {
        this.items.push(value2);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value2) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar2.isScalarValue(value2))
          prev.value = value2;
        else
          this.items[idx] = value2;
      }
      toJSON(_, ctx) {
        const seq3 = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq3);
        let i = 0;
        for (const item of this.items)
          seq3.push(toJS.toJS(item, String(i++), ctx));
        return seq3;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq3 = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq3.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq3;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq3 = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq4, onError) {
        if (!identity.isSeq(seq4))
          onError("Expected a sequence for this tag");
        return seq4;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq3;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value2) => typeof value2 === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str4) => str4,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var nullTag = {
      identify: (value2) => value2 == null,
      createNode: () => new Scalar2.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar2.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var boolTag = {
      identify: (value2) => typeof value2 === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str4) => new Scalar2.Scalar(str4[0] === "t" || str4[0] === "T"),
      stringify({ source, value: value2 }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value2 === sv)
            return source;
        }
        return value2 ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag: tag2, value: value2 }) {
      if (typeof value2 === "bigint")
        return String(value2);
      const num3 = typeof value2 === "number" ? value2 : Number(value2);
      if (!isFinite(num3))
        return isNaN(num3) ? ".nan" : num3 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value2, -0) ? "-0" : JSON.stringify(value2);
      if (!format && minFractionDigits && (!tag2 || tag2 === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str4) => str4.slice(-3).toLowerCase() === "nan" ? NaN : str4[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str4) => parseFloat(str4),
      stringify(node) {
        const num3 = Number(node.value);
        return isFinite(num3) ? num3.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str4) {
        const node = new Scalar2.Scalar(parseFloat(str4));
        const dot = str4.indexOf(".");
        if (dot !== -1 && str4[str4.length - 1] === "0")
          node.minFractionDigits = str4.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value2) => typeof value2 === "bigint" || Number.isInteger(value2);
    var intResolve = (str4, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str4) : parseInt(str4.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value: value2 } = node;
      if (intIdentify(value2) && value2 >= 0)
        return prefix + value2.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value2) => intIdentify(value2) && value2 >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value2) => intIdentify(value2) && value2 >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq3 = require_seq();
    var string = require_string();
    var bool3 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq3.seq,
      string.string,
      _null.nullTag,
      bool3.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var map = require_map();
    var seq3 = require_seq();
    function intIdentify(value2) {
      return typeof value2 === "bigint" || Number.isInteger(value2);
    }
    var stringifyJSON = ({ value: value2 }) => JSON.stringify(value2);
    var jsonScalars = [
      {
        identify: (value2) => typeof value2 === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str4) => str4,
        stringify: stringifyJSON
      },
      {
        identify: (value2) => value2 == null,
        createNode: () => new Scalar2.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value2) => typeof value2 === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str4) => str4 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str4, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str4) : parseInt(str4, 10),
        stringify: ({ value: value2 }) => intIdentify(value2) ? value2.toString() : JSON.stringify(value2)
      },
      {
        identify: (value2) => typeof value2 === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str4) => parseFloat(str4),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str4, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str4)}`);
        return str4;
      }
    };
    var schema = [map.map, seq3.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar2 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value2) => value2 instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str4 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str4.length);
          for (let i = 0; i < str4.length; ++i)
            buffer[i] = str4.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value: value2 }, ctx, onComment, onChompKeep) {
        if (!value2)
          return "";
        const buf = value2;
        let str4;
        if (typeof node_buffer.Buffer === "function") {
          str4 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str4 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar2.Scalar.BLOCK_LITERAL);
        if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str4.length / lineWidth);
          const lines2 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines2[i] = str4.substr(o, lineWidth);
          }
          str4 = lines2.join(type === Scalar2.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str4 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq3, onError) {
      if (identity.isSeq(seq3)) {
        for (let i = 0; i < seq3.items.length; ++i) {
          let item = seq3.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar2.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq3.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq3;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value2;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value2 = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value2 = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value2, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value2;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value2 = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value2);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value2) => value2 instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq3, onError) {
        const pairs$1 = pairs.resolvePairs(seq3, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    function boolStringify({ value: value2, source }, ctx) {
      const boolObj = value2 ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value2 ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value2) => value2 === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar2.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value2) => value2 === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar2.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str4) => str4.slice(-3).toLowerCase() === "nan" ? NaN : str4[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str4) => parseFloat(str4.replace(/_/g, "")),
      stringify(node) {
        const num3 = Number(node.value);
        return isFinite(num3) ? num3.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str4) {
        const node = new Scalar2.Scalar(parseFloat(str4.replace(/_/g, "")));
        const dot = str4.indexOf(".");
        if (dot !== -1) {
          const f = str4.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value2) => typeof value2 === "bigint" || Number.isInteger(value2);
    function intResolve(str4, offset, radix, { intAsBigInt }) {
      const sign2 = str4[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str4 = str4.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str4 = `0b${str4}`;
            break;
          case 8:
            str4 = `0o${str4}`;
            break;
          case 16:
            str4 = `0x${str4}`;
            break;
        }
        const n2 = BigInt(str4);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str4, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value: value2 } = node;
      if (intIdentify(value2)) {
        const str4 = value2.toString(radix);
        return value2 < 0 ? "-" + prefix + str4.substr(1) : prefix + str4;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value2) {
        if (typeof value2 !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value2}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value2) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value2) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set3 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value2 of iterable) {
            if (typeof replacer === "function")
              value2 = replacer.call(iterable, value2, value2);
            set3.items.push(Pair.createPair(value2, null, ctx));
          }
        return set3;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set2 = {
      collection: "map",
      identify: (value2) => value2 instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str4, asBigInt) {
      const sign2 = str4[0];
      const parts = sign2 === "-" || sign2 === "+" ? str4.substring(1) : str4;
      const num3 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num3(60) + num3(p), num3(0));
      return sign2 === "-" ? num3(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value: value2 } = node;
      let num3 = (n) => n;
      if (typeof value2 === "bigint")
        num3 = (n) => BigInt(n);
      else if (isNaN(value2) || !isFinite(value2))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value2 < 0) {
        sign2 = "-";
        value2 *= num3(-1);
      }
      const _60 = num3(60);
      const parts = [value2 % _60];
      if (value2 < 60) {
        parts.unshift(0);
      } else {
        value2 = (value2 - parts[0]) / _60;
        parts.unshift(value2 % _60);
        if (value2 >= 60) {
          value2 = (value2 - parts[0]) / _60;
          parts.unshift(value2);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value2) => typeof value2 === "bigint" || Number.isInteger(value2),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str4, _onError, { intAsBigInt }) => parseSexagesimal(str4, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str4) => parseSexagesimal(str4, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value2) => value2 instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str4) {
        const match = str4.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value: value2 }) => value2?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq3 = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool3 = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq3.seq,
      string.string,
      _null.nullTag,
      bool3.trueTag,
      bool3.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set2.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq3 = require_seq();
    var string = require_string();
    var bool3 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq3.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool3.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq3.seq,
      set: set2.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set2.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag2 of customTags)
          tags = tags.concat(tag2);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag2) => {
        const tagObj = typeof tag2 === "string" ? tagsByName[tag2] : tag2;
        if (!tagObj) {
          const tagName = JSON.stringify(tag2);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq3 = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq3.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify3.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify3.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body}`;
        } else
          lines2.push(body);
      } else {
        lines2.push(stringify3.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value2, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value2 === void 0 ? null : this.createNode(value2, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value2) {
        if (assertCollection(this.contents))
          this.contents.add(value2);
      }
      /** Adds a value to the document. */
      addIn(path, value2) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value2);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name2) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name2 || prev.has(name2) ? anchors.findNewAnchor(name2 || "a", prev) : name2;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value2, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value2 = replacer.call({ "": value2 }, "", value2);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag: tag2 } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value2, tag2, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value2, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value2, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value2) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value2);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value2);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value2) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value2;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value2);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value2);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name2, pos, code, message) {
        super();
        this.name = name2;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag2 = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag2)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag2)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag2 = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag2)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag: tag2,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag2) {
      const NodeClass = tag2?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value: value2 } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value2,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value2?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value2 ? composeNode(ctx, value2, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value2, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag2) {
      const NodeClass = tag2?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq3 = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value: value2 } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value2,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value2) {
            if (value2?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq3.comment = props.comment;
            continue;
          }
        }
        const node = value2 ? composeNode(ctx, value2, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value2, onError);
        offset = node.range[2];
        seq3.items.push(node);
      }
      seq3.range = [bs.offset, offset, commentEnd ?? offset];
      return seq3;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag2) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag2?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value: value2 } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value2) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value2 ? composeNode(ctx, value2, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value2))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value2,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value2) {
            if ("source" in value2 && value2.source?.[0] === ":")
              onError(value2, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value2 ? composeNode(ctx, value2, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value2))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name2 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name2} must end with a ${expectedEnd}` : `${name2} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag2) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag2) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag2) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag2);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag2 = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag2) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag2 = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag2);
      const res = tag2.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar2.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag2?.format)
        node.format = tag2.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar2.Scalar.BLOCK_FOLDED : Scalar2.Scalar.BLOCK_LITERAL;
      const lines2 = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines2.length;
      for (let i = lines2.length - 1; i >= 0; --i) {
        const content = lines2[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value3 = header.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value3, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines2[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines2.length - 1; i >= chompStart; --i) {
        if (lines2[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value2 = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value2 += lines2[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines2[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar2.Scalar.BLOCK_LITERAL) {
          value2 += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value2 += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value2 += "\n";
          else
            sep = "\n";
        } else {
          value2 += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines2.length; ++i)
            value2 += "\n" + lines2[i][0].slice(trimIndent);
          if (value2[value2.length - 1] !== "\n")
            value2 += "\n";
          break;
        default:
          value2 += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value: value2, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length2 = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length2 += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length2 += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length2 += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length2 += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length: length2 };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines2 = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines2.push([split2[i], split2[i + 1]]);
      return lines2;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value2;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar2.Scalar.PLAIN;
          value2 = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_SINGLE;
          value2 = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_DOUBLE;
          value2 = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value: value2,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length2 = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length2, onError);
            i += length2;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length2, onError) {
      const cc = source.substr(offset, length2);
      const ok = cc.length === length2 && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length2 + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value: value2, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag2;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag2 = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag2 = findScalarTagByName(ctx.schema, value2, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag2 = findScalarTagByTest(ctx, value2, token, onError);
      else
        tag2 = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag2.resolve(value2, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar2.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar2.Scalar(value2);
      }
      scalar2.range = range;
      scalar2.source = value2;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag2.format)
        scalar2.format = tag2.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    function findScalarTagByName(schema, value2, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag2 of schema.tags) {
        if (!tag2.collection && tag2.tag === tagName) {
          if (tag2.default && tag2.test)
            matchWithTest.push(tag2);
          else
            return tag2;
        }
      }
      for (const tag2 of matchWithTest)
        if (tag2.test?.test(value2))
          return tag2;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value2, token, onError) {
      const tag2 = schema.tags.find((tag3) => (tag3.default === true || atKey && tag3.default === "key") && tag3.test?.test(value2)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag3) => tag3.default && tag3.test?.test(value2)) ?? schema[identity.SCALAR];
        if (tag2.tag !== compat.tag) {
          const ts = directives.tagString(tag2.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag2;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag: tag2 } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag2)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag2, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag2 ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag: tag2, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag2, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value: value2, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value2 ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value2 && (value2.type === "block-map" || value2.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value2 ? composeNode.composeNode(ctx, value2, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value2, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value: value2 }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value2, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value: value2 }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify3 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value: value2 }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value2)
        res += stringifyToken(value2);
      return res;
    }
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK2 = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK2;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index2] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index2];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK2)
              return BREAK2;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM2 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM2:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM2:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM2;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar2.end) {
            sep = scalar2.end;
            sep.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq3) {
        const it = seq3.items[seq3.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq3.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq3.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq3.indent)) {
                const prev = seq3.items[seq3.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq3.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq3.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq3.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq3.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq3.indent) {
          const bv = this.startBlockValue(seq3);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument5(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument5(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify3(value2, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value2 === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value2) && !_replacer)
        return value2.toString(options);
      return new Document.Document(value2, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument5;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar2.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// packages/cli/src/handlers.ts
import { writeFileSync } from "node:fs";
import { resolve as resolve7 } from "node:path";

// packages/core/src/commands/build.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdir as mkdir3, readFile as readFile6, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, join as join8, resolve as resolve3 } from "node:path";
import { randomBytes as randomBytes3 } from "node:crypto";

// packages/core/src/git/index.ts
import { isAbsolute, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { createHash } from "node:crypto";
function parseCommitObject(hash, content) {
  const text2 = content.toString("utf8");
  const m = /^committer .* (\d+) [+-]\d{4}$/m.exec(text2);
  return { hash, date: new Date(Number(m ? m[1] : 0) * 1e3) };
}
var GIT_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0",
  LC_ALL: "C",
  LANG: "C"
};
async function runGit(args, cwd, signal, opts = {}) {
  let r;
  try {
    r = await execa("git", args, {
      cwd: opts.cwd ?? cwd,
      encoding: "buffer",
      stripFinalNewline: false,
      reject: false,
      input: opts.input,
      env: opts.env ? { ...GIT_ENV, ...opts.env } : GIT_ENV,
      extendEnv: true,
      maxBuffer: 1024 * 1024 * 1024,
      ...signal ? { cancelSignal: signal } : {}
    });
  } catch (e) {
    throw new WerfActionError(`cannot run git: ${e.message}`, {
      code: "git.spawn",
      hint: "install git and make sure it is on PATH",
      cause: e
    });
  }
  if (r.isCanceled) {
    throw new WerfActionError(`git ${args[0]} was cancelled`, { code: "git.cancelled" });
  }
  const stdout = Buffer.from(r.stdout);
  const stderr = Buffer.from(r.stderr ?? new Uint8Array()).toString("utf8");
  const exitCode = r.exitCode ?? -1;
  if (exitCode !== 0 && !(opts.okExitCodes ?? []).includes(exitCode)) {
    throw new WerfActionError(`git ${args.join(" ")} failed (exit ${exitCode}): ${stderr.trim() || "no output"}`, {
      code: "git.failed",
      location: { subject: opts.cwd ?? cwd }
    });
  }
  return { stdout, stderr, exitCode };
}
function runGitSync(args, cwd, opts = {}) {
  const r = execaSync("git", args, {
    cwd: opts.cwd ?? cwd,
    encoding: "buffer",
    stripFinalNewline: false,
    reject: false,
    input: opts.input,
    env: GIT_ENV,
    extendEnv: true,
    maxBuffer: 1024 * 1024 * 1024
  });
  if (r.failed && r.exitCode === void 0) {
    throw new WerfActionError(`cannot run git: ${r.shortMessage}`, { code: "git.spawn", hint: "install git and make sure it is on PATH" });
  }
  const stdout = Buffer.from(r.stdout);
  const stderr = Buffer.from(r.stderr ?? new Uint8Array()).toString("utf8");
  const exitCode = r.exitCode ?? -1;
  if (exitCode !== 0 && !(opts.okExitCodes ?? []).includes(exitCode)) {
    throw new WerfActionError(`git ${args.join(" ")} failed (exit ${exitCode}): ${stderr.trim() || "no output"}`, {
      code: "git.failed",
      location: { subject: opts.cwd ?? cwd }
    });
  }
  return { stdout, stderr, exitCode };
}
function splitZ(buf) {
  const s = buf.toString("utf8");
  const out = s.split("\0");
  if (out.length && out[out.length - 1] === "") out.pop();
  return out;
}
function lines(buf) {
  const s = buf.toString("utf8");
  return s.split("\n").filter((l) => l.length > 0);
}
var GitRepo = class _GitRepo {
  /** Work-tree top level (absolute, symlinks resolved). */
  root;
  /** Absolute git dir of this work tree (`.git`, or `.git/worktrees/<name>` for a linked worktree). */
  gitDir;
  /** Absolute common git dir (shared by all worktrees). */
  commonDir;
  signal;
  constructor(root, gitDir, commonDir, signal) {
    this.root = root;
    this.gitDir = gitDir;
    this.commonDir = commonDir;
    this.signal = signal;
  }
  /**
   * Opens the repository that contains `dir` (any subfolder works; linked
   * worktrees too). `workTree` names the work tree explicitly (werf's
   * `--git-work-tree`); `dir` must then be inside it.
   */
  static async open(dir, opts = {}) {
    const signal = opts.ctx?.signal;
    const start = resolve(opts.workTree ?? dir);
    let r;
    try {
      r = await runGit(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir"], start, signal, { okExitCodes: [128] });
    } catch (e) {
      if (e instanceof WerfActionError && e.code === "git.failed") throw notARepo(start, e.message);
      throw e;
    }
    if (r.exitCode !== 0) throw notARepo(start, r.stderr.trim());
    const [top, gitDir, common] = lines(r.stdout);
    if (!top || !gitDir || !common) {
      throw new WerfActionError(`${start} is not inside a git work tree (bare repository?)`, {
        code: "git.no-work-tree",
        location: { subject: start },
        hint: "run werf-action in a checkout, or pass --git-work-tree"
      });
    }
    const root = await realpath(top);
    const commonDir = isAbsolute(common) ? common : resolve(start, common);
    const repo = new _GitRepo(root, gitDir, commonDir, signal);
    if (opts.workTree) {
      const project = await realpath(resolve(dir));
      if (project !== root && !project.startsWith(root + "/")) {
        throw new WerfActionError(`project directory ${project} is outside the git work tree ${root}`, {
          code: "git.outside-work-tree",
          location: { subject: project },
          hint: "--dir must point inside --git-work-tree"
        });
      }
    }
    return repo;
  }
  /** Runs git in the repository root. Exposed for the few callers with a one-off need; prefer the typed methods. */
  run(args, opts = {}) {
    return runGit(args, this.root, this.signal, opts);
  }
  /**
   * Synchronous forms of readFiles / lsTree / inspectPaths / status /
   * lsWorkTreeFiles, for werf.yaml's `.Files` functions, which a Go template
   * calls synchronously. Everything else uses the async methods.
   */
  sync = {
    readFiles: (commit, paths, opts = {}) => {
      const out = /* @__PURE__ */ new Map();
      const wanted = [...new Set(paths)].filter((p) => !p.includes("\n"));
      if (wanted.length === 0) return out;
      const r = runGitSync(["cat-file", "--batch", ...opts.followSymlinks ? ["--follow-symlinks"] : []], this.root, { input: wanted.map((p) => `${commit}:${p}
`).join("") });
      parseCatFileBatch(r.stdout, wanted, (path, type, content) => {
        if (type === "blob") out.set(path, content);
      });
      return out;
    },
    lsTree: (commit, paths) => {
      const args = ["ls-tree", "-z", "--full-tree", "-r", commit];
      const clean = (paths ?? []).map((p) => p.replace(/\/+$/, "")).filter((p) => p !== "" && p !== ".");
      if (paths && clean.length === paths.length && clean.length) args.push("--", ...clean);
      return parseLsTree(runGitSync(args, this.root).stdout);
    },
    inspectPaths: (commit, paths) => {
      const wanted = [...new Set(paths)].filter((p) => !p.includes("\n"));
      if (wanted.length === 0) return /* @__PURE__ */ new Map();
      const r = runGitSync(["cat-file", "--batch-check", "--follow-symlinks"], this.root, { input: wanted.map((p) => `${commit}:${p}
`).join("") });
      return parseBatchCheck(r.stdout, wanted);
    },
    status: (paths) => {
      if (paths.length === 0) return [];
      const r = runGitSync(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...paths.map(toPathspec)], this.root);
      return parseStatus(r.stdout);
    },
    lsWorkTreeFiles: (paths) => {
      const r = runGitSync(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name", "--", ...paths.map(toPathspec)], this.root);
      return [...new Set(splitZ(r.stdout))];
    }
  };
  /** Path of `abs` relative to the root ('/'-separated), or null when outside. */
  relative(abs) {
    const p = resolve(abs);
    if (p === this.root) return "";
    if (!p.startsWith(this.root + "/")) return null;
    return p.slice(this.root.length + 1);
  }
  /**
   * A commit object holding the work tree as it is (tracked and untracked
   * files, .gitignore respected) on top of HEAD, for --dev: the build then
   * reads everything from one commit as usual. Uses a scratch index, so the
   * user's index, refs and work tree are untouched; the object is garbage
   * for `git gc` once unreferenced.
   */
  async devCommit() {
    const head = await this.headCommit();
    const dir = await mkdtemp(join(tmpdir(), "werf-action-dev-index-"));
    try {
      const env = { GIT_INDEX_FILE: join(dir, "index") };
      await this.run(["read-tree", head.hash], { env });
      await this.run(["add", "-A", "--", "."], { env });
      const tree = (await this.run(["write-tree"], { env })).stdout.toString("utf8").trim();
      const r = await this.run(["commit-tree", tree, "-p", head.hash, "-m", "werf-action --dev: work tree"], {
        env: { GIT_AUTHOR_NAME: "werf-action", GIT_AUTHOR_EMAIL: "werf-action@localhost", GIT_COMMITTER_NAME: "werf-action", GIT_COMMITTER_EMAIL: "werf-action@localhost" }
      });
      return r.stdout.toString("utf8").trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  async headCommit() {
    const r = await this.run(["log", "-1", "--format=%H %ct", "HEAD"], { okExitCodes: [128] });
    if (r.exitCode !== 0) {
      throw new WerfActionError(`the repository ${this.root} has no commits (HEAD does not exist)`, {
        code: "git.no-head",
        location: { subject: this.root },
        hint: "commit werf.yaml and the project files first (giterminism reads them from HEAD)"
      });
    }
    const [hash, ct] = r.stdout.toString("utf8").trim().split(" ");
    return { hash, date: new Date(Number(ct) * 1e3) };
  }
  /** Resolves any revision (`HEAD`, branch, tag, `abc123^{tree}`, `HEAD:path`) to a hash; null when it does not exist. */
  async revParse(rev) {
    const r = await this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", rev], { okExitCodes: [1, 128] });
    if (r.exitCode !== 0) return null;
    return r.stdout.toString("utf8").trim() || null;
  }
  /** Hash of the tree (or blob) at `path` in `commit`; the root tree for ''. Null when the path does not exist. */
  async treeHash(commit, path = "") {
    return this.revParse(path === "" || path === "." ? `${commit}^{tree}` : `${commit}:${path}`);
  }
  /**
   * Entries of `commit`'s tree (paths relative to the root whatever the cwd).
   * With `paths`, only those paths (files or directories) are listed.
   * `recursive` (default true) descends into trees; `trees` also lists the
   * tree entries themselves while recursing.
   */
  async lsTree(commit, paths, opts = {}) {
    const args = ["ls-tree", "-z", "--full-tree"];
    if (opts.recursive ?? true) args.push("-r");
    if (opts.trees) args.push("-t");
    args.push(commit);
    if (paths && paths.length) {
      const clean = paths.map((p) => p.replace(/\/+$/, "")).filter((p) => p !== "" && p !== ".");
      if (clean.length < paths.length) {
      } else {
        args.push("--", ...clean);
      }
    }
    const r = await this.run(args);
    return parseLsTree(r.stdout);
  }
  /** Content of `path` at `commit`, or null when it does not exist there (or is not a blob). */
  async readFile(commit, path) {
    const m = await this.readFiles(commit, [path]);
    return m.get(path) ?? null;
  }
  /**
   * Contents of several blobs at `commit` in one `git cat-file --batch`;
   * missing paths are absent from the map. With `followSymlinks`, symlinks
   * inside the tree are resolved (ones pointing outside the repository are
   * treated as missing; use `inspectPaths` to tell why).
   */
  async readFiles(commit, paths, opts = {}) {
    const out = /* @__PURE__ */ new Map();
    const wanted = [...new Set(paths)].filter((p) => !p.includes("\n"));
    if (wanted.length === 0) return out;
    const input = wanted.map((p) => `${commit}:${p}
`).join("");
    const r = await this.run(["cat-file", "--batch", ...opts.followSymlinks ? ["--follow-symlinks"] : []], { input });
    parseCatFileBatch(r.stdout, wanted, (path, type, content) => {
      if (type === "blob") out.set(path, content);
    });
    return out;
  }
  /**
   * Several objects in one `git cat-file --batch [--follow-symlinks]`: each
   * spec is any revision (`HEAD`, `HEAD:path`, a hash). Symlinks pointing
   * out of the repository give kind `outside` with the target.
   */
  async readObjects(specs, opts = {}) {
    const wanted = [...new Set(specs)].filter((p) => !p.includes("\n"));
    if (wanted.length === 0) return /* @__PURE__ */ new Map();
    const r = await this.run(["cat-file", "--batch", ...opts.followSymlinks ? ["--follow-symlinks"] : []], { input: wanted.map((p) => `${p}
`).join("") });
    return parseObjects(r.stdout, wanted);
  }
  /**
   * What each path is at `commit`, following symlinks inside the tree (one
   * `cat-file --batch-check --follow-symlinks`). `outside` = a symlink on the
   * way points out of the repository (`target` says where).
   */
  async inspectPaths(commit, paths) {
    const wanted = [...new Set(paths)].filter((p) => !p.includes("\n"));
    if (wanted.length === 0) return /* @__PURE__ */ new Map();
    const r = await this.run(["cat-file", "--batch-check", "--follow-symlinks"], { input: wanted.map((p) => `${commit}:${p}
`).join("") });
    return parseBatchCheck(r.stdout, wanted);
  }
  /** Contents of blobs by object hash (one `cat-file --batch`). */
  async readBlobs(hashes) {
    const out = /* @__PURE__ */ new Map();
    const wanted = [...new Set(hashes)];
    if (wanted.length === 0) return out;
    const r = await this.run(["cat-file", "--batch"], { input: wanted.map((h) => h + "\n").join("") });
    parseCatFileBatch(r.stdout, wanted, (h, type, content) => {
      if (type === "blob") out.set(h, content);
    });
    return out;
  }
  /**
   * Uncommitted (staged or not) and untracked files, optionally limited to
   * pathspecs relative to the root. Ignored files are not listed.
   */
  async status(paths) {
    const args = ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=none"];
    if (paths) {
      if (paths.length === 0) return [];
      args.push("--", ...paths.map(toPathspec));
    }
    const r = await this.run(args);
    return parseStatus(r.stdout);
  }
  /** Files of the work tree: tracked (as in the index) plus untracked, not ignored. Relative to the root. */
  async lsWorkTreeFiles(paths) {
    const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name"];
    if (paths && paths.length) args.push("--", ...paths.map(toPathspec));
    const r = await this.run(args);
    return [...new Set(splitZ(r.stdout))];
  }
  /** Which of `paths` are ignored by .gitignore rules. */
  async checkIgnored(paths) {
    if (paths.length === 0) return /* @__PURE__ */ new Set();
    const r = await this.run(["check-ignore", "-z", "--no-index", "--stdin"], { input: paths.join("\0") + "\0", okExitCodes: [1] });
    return new Set(splitZ(r.stdout));
  }
  /** Blob hashes of work-tree files (as `git add` would store them; filters applied). */
  async hashWorkTreeFiles(paths) {
    const out = /* @__PURE__ */ new Map();
    if (paths.length === 0) return out;
    const r = await this.run(["hash-object", "--stdin-paths"], { input: paths.join("\n") + "\n" });
    const hashes = lines(r.stdout);
    paths.forEach((p, i) => out.set(p, hashes[i]));
    return out;
  }
  /**
   * Remote branches (refs/remotes/<remote>/*, without <remote>/HEAD) and tags,
   * with the date of the commit each points to. `local: true` lists
   * refs/heads instead of the remote's branches.
   */
  async refs(opts = {}) {
    const remote = opts.remote ?? "origin";
    const branchNs = opts.local ? "refs/heads/" : `refs/remotes/${remote}/`;
    const fmt = "%(refname)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(committerdate:unix)%00%(*committerdate:unix)%00%(taggerdate:unix)%00";
    const r = await this.run(["for-each-ref", `--format=${fmt}`, branchNs, "refs/tags/"]);
    const out = [];
    for (const line of lines(r.stdout)) {
      const [ref, otype, oname, peeled, cdate, pcdate, tdate] = line.split("\0");
      if (ref.startsWith("refs/tags/")) {
        const annotated = otype === "tag";
        const commit = annotated ? peeled : oname;
        const date = annotated ? pcdate : cdate;
        if (!date) continue;
        out.push({
          name: ref.slice("refs/tags/".length),
          ref,
          type: "tag",
          commit,
          date: new Date(Number(date) * 1e3),
          ...annotated && tdate ? { taggerDate: new Date(Number(tdate) * 1e3) } : {}
        });
      } else {
        const name2 = ref.slice(branchNs.length);
        if (!opts.local && name2 === "HEAD") continue;
        if (otype !== "commit") continue;
        out.push({ name: name2, ref, type: "branch", commit: oname, date: new Date(Number(cdate) * 1e3) });
      }
    }
    return out;
  }
  /** URL of a remote, or null when the remote is not configured. */
  async remoteUrl(remote = "origin") {
    const r = await this.run(["config", "--get", `remote.${remote}.url`], { okExitCodes: [1] });
    return r.exitCode === 0 ? r.stdout.toString("utf8").trim() : null;
  }
  async isShallow() {
    const r = await this.run(["rev-parse", "--is-shallow-repository"]);
    return r.stdout.toString("utf8").trim() === "true";
  }
  /** Whether commit `a` is an ancestor of (or equal to) `b`. */
  async isAncestor(a, b) {
    const r = await this.run(["merge-base", "--is-ancestor", a, b], { okExitCodes: [1] });
    return r.exitCode === 0;
  }
  /** Whether `hash` names a commit present in the local object store. */
  async commitExists(hash) {
    const r = await this.run(["cat-file", "-e", `${hash}^{commit}`], { okExitCodes: [1, 128] });
    return r.exitCode === 0;
  }
  /** Commits reachable from `rev`, newest first (`git log` order). */
  async log(rev, opts = {}) {
    const args = ["log", "-z", "--format=%H %P%x01%ct"];
    if (opts.maxCount !== void 0) args.push(`--max-count=${opts.maxCount}`);
    if (opts.since) args.push(`--since=${opts.since.toISOString()}`);
    if (opts.firstParent) args.push("--first-parent");
    args.push(rev, "--");
    if (opts.paths) args.push(...opts.paths.map(toPathspec));
    const r = await this.run(args);
    return splitZ(r.stdout).map((rec) => {
      const [ids, ct] = rec.trim().split("");
      const [hash, ...parents] = ids.split(" ").filter(Boolean);
      return { hash, parents, date: new Date(Number(ct) * 1e3) };
    });
  }
  /**
   * Walks history from `rev` newest first in pages, calling `visit` for every
   * commit until it returns false. Memory stays bounded on long histories.
   */
  async walk(rev, visit2, opts = {}) {
    const page = opts.pageSize ?? 1e3;
    let skip = 0;
    for (; ; ) {
      const args = ["log", "-z", "--format=%H %P%x01%ct", `--max-count=${page}`, `--skip=${skip}`];
      if (opts.firstParent) args.push("--first-parent");
      args.push(rev, "--");
      const r = await this.run(args);
      const recs = splitZ(r.stdout);
      for (const rec of recs) {
        const [ids, ct] = rec.trim().split("");
        const [hash, ...parents] = ids.split(" ").filter(Boolean);
        if (!await visit2({ hash, parents, date: new Date(Number(ct) * 1e3) })) return;
      }
      if (recs.length < page) return;
      skip += page;
    }
  }
  /** Paths changed between two commits (rename detection off). */
  async diffNames(from, to, paths) {
    const args = ["diff", "--name-only", "-z", "--no-renames", from, to, "--"];
    if (paths) args.push(...paths.map(toPathspec));
    const r = await this.run(args);
    return splitZ(r.stdout);
  }
  /** `git fetch --unshallow` (or a plain fetch when the repository is complete). */
  async unshallow(remote = "origin") {
    if (await this.isShallow()) await this.run(["fetch", "--unshallow", "--tags", remote]);
  }
  /** werf's `allowFetchOriginBranchesAndTags`: refresh remote branches and tags, pruning deleted ones. */
  async fetchBranchesAndTags(remote = "origin") {
    await this.run(["fetch", "--prune", "--prune-tags", remote, `+refs/heads/*:refs/remotes/${remote}/*`, "+refs/tags/*:refs/tags/*"]);
  }
};
function notARepo(dir, detail) {
  const dubious = /dubious ownership/.test(detail);
  return new WerfActionError(`${dir} is not inside a git repository${detail ? ` (${detail.split("\n")[0]})` : ""}`, {
    code: dubious ? "git.dubious-ownership" : "git.not-a-repository",
    location: { subject: dir },
    hint: dubious ? `the checkout belongs to another user (common in CI containers): run \`git config --global --add safe.directory ${dir}\` first` : "werf-action reads the project from git: run it inside a clone, or pass --dir / --git-work-tree"
  });
}
async function readObjectsIn(dir, specs, opts = {}) {
  const wanted = [...new Set(specs)].filter((p) => !p.includes("\n"));
  if (wanted.length === 0) return /* @__PURE__ */ new Map();
  const r = await runGit(["cat-file", "--batch", ...opts.followSymlinks ? ["--follow-symlinks"] : []], dir, opts.signal, { input: wanted.map((p) => `${p}
`).join(""), okExitCodes: [128] });
  return parseObjects(r.stdout, wanted);
}
async function lsTreeIn(dir, rev, paths, opts = {}) {
  const r = await runGit(["ls-tree", "-r", "-z", rev, "--", ...paths], dir, opts.signal, { okExitCodes: [128] });
  return r.exitCode === 0 ? parseLsTree(r.stdout) : [];
}
function blobHash(content, algo2 = "sha1") {
  return createHash(algo2).update(`blob ${content.length}\0`).update(content).digest("hex");
}
function parseObjects(buf, wanted) {
  const out = /* @__PURE__ */ new Map();
  let pos = 0;
  for (const spec of wanted) {
    const nl = buf.indexOf(10, pos);
    if (nl === -1) break;
    const header = buf.toString("utf8", pos, nl);
    pos = nl + 1;
    const parts = header.split(" ");
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0])) {
      const size = Number(parts[2]);
      out.set(spec, { kind: parts[1], hash: parts[0], content: buf.subarray(pos, pos + size) });
      pos += size + 1;
      continue;
    }
    const m = /^(dangling|loop|notdir|symlink) (\d+)$/.exec(header);
    if (m) {
      const size = Number(m[2]);
      const target = buf.toString("utf8", pos, pos + size);
      pos += size + 1;
      out.set(spec, { kind: m[1] === "symlink" ? "outside" : m[1], target });
    } else {
      out.set(spec, { kind: "missing" });
    }
  }
  return out;
}
function parseTreeObject(content, hashLength = 20) {
  const out = [];
  let pos = 0;
  while (pos < content.length) {
    const sp = content.indexOf(32, pos);
    const nul = content.indexOf(0, sp + 1);
    if (sp < 0 || nul < 0) break;
    const mode = content.toString("latin1", pos, sp);
    const name2 = content.toString("utf8", sp + 1, nul);
    const hash = content.toString("hex", nul + 1, nul + 1 + hashLength);
    pos = nul + 1 + hashLength;
    out.push({ name: name2, mode, hash, type: mode.startsWith("4") ? "tree" : mode === "160000" ? "commit" : "blob" });
  }
  return out;
}
function toPathspec(p) {
  const clean = p.replace(/\/+$/, "");
  return clean === "" || clean === "." ? ":(top,literal)." : `:(top,literal)${clean}`;
}
function parseLsTree(buf) {
  const out = [];
  const s = buf.toString("utf8");
  let i = 0;
  const n = s.length;
  while (i < n) {
    const end = s.indexOf("\0", i);
    const stop = end === -1 ? n : end;
    const sp1 = s.indexOf(" ", i);
    const sp2 = s.indexOf(" ", sp1 + 1);
    const tab = s.indexOf("	", sp2 + 1);
    out.push({
      mode: s.slice(i, sp1),
      type: s.slice(sp1 + 1, sp2),
      hash: s.slice(sp2 + 1, tab),
      path: s.slice(tab + 1, stop)
    });
    i = stop + 1;
  }
  return out;
}
function parseStatus(buf) {
  const f = splitZ(buf);
  const out = [];
  for (let i = 0; i < f.length; i++) {
    const rec = f[i];
    const x = rec[0];
    const y = rec[1];
    const path = rec.slice(3);
    const e = { path, index: x, workTree: y, untracked: x === "?" };
    if (x === "R" || x === "C") e.origPath = f[++i];
    out.push(e);
  }
  return out;
}
function parseCatFileBatch(buf, names, onObject) {
  let pos = 0;
  for (const name2 of names) {
    const nl = buf.indexOf(10, pos);
    if (nl === -1) break;
    const header = buf.toString("utf8", pos, nl);
    pos = nl + 1;
    const parts = header.split(" ");
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0])) {
      const size = Number(parts[2]);
      onObject(name2, parts[1], buf.subarray(pos, pos + size));
      pos += size + 1;
    } else {
      const m = /^(dangling|loop|notdir|symlink) (\d+)$/.exec(header);
      if (m) pos += Number(m[2]) + 1;
    }
  }
}
function parseBatchCheck(stdout, wanted) {
  const out = /* @__PURE__ */ new Map();
  const ls = stdout.toString("utf8").split("\n");
  let i = 0;
  for (const path of wanted) {
    const line = ls[i++] ?? "";
    const parts = line.split(" ");
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0])) {
      out.set(path, { kind: parts[1], hash: parts[0] });
    } else if (/^(dangling|loop|notdir|symlink) \d+$/.test(line)) {
      const target = ls[i++] ?? "";
      const k = parts[0];
      out.set(path, { kind: k === "symlink" ? "outside" : k, target });
    } else {
      out.set(path, { kind: "missing" });
    }
  }
  return out;
}

// packages/core/src/config/load.ts
import { realpath as realpath3 } from "node:fs/promises";
import { basename, resolve as resolve2 } from "node:path";

// packages/core/src/config/files.ts
import { readFile, readdir, stat, realpath as realpath2 } from "node:fs/promises";
import { Buffer as Buffer2 } from "node:buffer";
import { join as join2 } from "node:path";

// packages/core/src/config/glob.ts
var cache = /* @__PURE__ */ new Map();
function globToRegExp(glob) {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = "";
  let i = 0;
  let inGroup = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/";
        const atEnd = i + 2 === glob.length || glob[i + 2] === "/";
        if (atStart && atEnd) {
          if (i + 2 === glob.length) re += ".*";
          else {
            re += "(?:[^/]*(?:/[^/]*)*/)?";
            i++;
          }
          i += 2;
          continue;
        }
      }
      re += "[^/]*";
      i++;
    } else if (c === "?") {
      re += "[^/]";
      i++;
    } else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end === -1) {
        re += "\\[";
        i++;
      } else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith("!") || cls.startsWith("^")) cls = "^" + cls.slice(1);
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = end + 1;
      }
    } else if (c === "{") {
      inGroup++;
      re += "(?:";
      i++;
    } else if (c === "}" && inGroup) {
      inGroup--;
      re += ")";
      i++;
    } else if (c === "," && inGroup) {
      re += "|";
      i++;
    } else if (c === "\\" && i + 1 < glob.length) {
      re += escapeRe(glob[i + 1]);
      i += 2;
    } else {
      re += escapeRe(c);
      i++;
    }
  }
  const out = new RegExp(`^${re}$`);
  cache.set(glob, out);
  return out;
}
function escapeRe(c) {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
function globMatchPathOrParent(glob, path) {
  const re = globToRegExp(normalizeGlob(glob));
  if (re.test(path)) return true;
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    if (re.test(path.slice(0, i))) return true;
  }
  return false;
}
function normalizeGlob(g) {
  return g.replace(/^\.\//, "").replace(/\/+$/, "");
}
function globBase(glob) {
  const g = normalizeGlob(glob);
  const idx = g.search(/[*?[{\\]/);
  const lit = idx === -1 ? g : g.slice(0, idx);
  const slash = lit.lastIndexOf("/");
  if (idx === -1) return g;
  return slash === -1 ? "" : lit.slice(0, slash);
}

// packages/core/src/config/files.ts
var ProjectFiles = class {
  constructor(repo, commit, projectPath, projectDir, mode) {
    this.repo = repo;
    this.commit = commit;
    this.projectPath = projectPath;
    this.projectDir = projectDir;
    this.mode = mode;
  }
  repo;
  commit;
  projectPath;
  projectDir;
  mode;
  statusCache = /* @__PURE__ */ new Map();
  statusLoaded = /* @__PURE__ */ new Set();
  treeCache = /* @__PURE__ */ new Map();
  workTreeReads = /* @__PURE__ */ new Set();
  /** Path relative to the repository root. */
  toRepo(p) {
    const clean = p.replace(/^\.\/+/, "").replace(/\/+$/, "");
    if (!this.projectPath) return clean;
    return clean === "" || clean === "." ? this.projectPath : `${this.projectPath}/${clean}`;
  }
  fromRepo(p) {
    if (!this.projectPath) return p;
    return p === this.projectPath ? "" : p.slice(this.projectPath.length + 1);
  }
  /** Loads `git status` for these project paths (one git call for all). */
  async loadStatus(paths) {
    const need = paths.filter((p) => !this.statusLoaded.has(p));
    if (need.length === 0) return;
    const entries = await this.repo.status(need.map((p) => this.toRepo(p)));
    for (const p of need) this.statusLoaded.add(p);
    for (const e of entries) this.statusCache.set(this.fromRepo(e.path), e);
  }
  /** Uncommitted/untracked files at or under `path` (status must be loaded for it or a parent). */
  uncommitted(path) {
    const clean = path.replace(/^\.\/+/, "").replace(/\/+$/, "");
    const out = [];
    for (const [p, e] of this.statusCache) {
      if (clean === "" || p === clean || p.startsWith(clean + "/")) out.push(e);
    }
    return out.sort((a, b) => a.path < b.path ? -1 : 1);
  }
  /** Whether the file should be read from the work tree. */
  useWorkTree(allowed) {
    return this.mode.loose || this.mode.dev || allowed;
  }
  async inspect(paths) {
    const m = await this.repo.inspectPaths(this.commit, paths.map((p) => this.toRepo(p)));
    const out = /* @__PURE__ */ new Map();
    for (const p of paths) out.set(p, m.get(this.toRepo(p)));
    return out;
  }
  objects = /* @__PURE__ */ new Map();
  /** Records what `path` is in the commit (from a batch the caller already made). */
  seed(path, info) {
    this.objects.set(path, info);
  }
  /** Fetches kind + content of these paths at the commit in one `cat-file --batch --follow-symlinks`. */
  async prefetch(paths) {
    const need = paths.filter((p) => !this.objects.has(p));
    if (!need.length) return;
    const m = await this.repo.readObjects(need.map((p) => `${this.commit}:${this.toRepo(p)}`), { followSymlinks: true });
    for (const p of need) this.objects.set(p, m.get(`${this.commit}:${this.toRepo(p)}`) ?? { kind: "missing" });
  }
  object(path) {
    return this.objects.get(path);
  }
  /** Raw bytes of a work-tree file (null when missing or not a file); symlinks out of the repository are errors. */
  async readDisk(p) {
    let real;
    try {
      real = await realpath2(join2(this.projectDir, p));
    } catch {
      return null;
    }
    if (real !== this.repo.root && !real.startsWith(this.repo.root + "/")) {
      throw new WerfActionError(`${p} is a symlink that points outside the repository (${real})`, { code: "config.path-escape", location: { file: p } });
    }
    try {
      return await readFile(real);
    } catch {
      return null;
    }
  }
  /**
   * Checks that the work tree has no changes to `paths` compared with the
   * commit (content comparison; a difference is confirmed with `git status`
   * so the error names the change). Paths must be prefetched.
   */
  async assertUnchanged(paths, kind, at) {
    const suspects = [];
    await Promise.all(paths.map(async (p) => {
      const obj = this.objects.get(p);
      const committed = obj?.kind === "blob" ? obj.content : null;
      const disk = await this.readDisk(p).catch(() => null);
      if (committed === null && disk === null) return;
      if (committed !== null && disk !== null && Buffer2.compare(committed, disk) === 0) return;
      suspects.push(p);
    }));
    if (!suspects.length) return;
    const entries = await this.repo.status(suspects.map((p) => this.toRepo(p)));
    if (entries.length) throw this.uncommittedError(entries.sort((a, b) => a.path < b.path ? -1 : 1), kind, at);
  }
  /**
   * Reads files that giterminism requires to be committed (werf.yaml,
   * templates, Dockerfiles...). `allowed(path)` says whether the allow list
   * covers the file (then, as in --dev and loose mode, the work tree is read).
   * Returns content (null when the file does not exist in the chosen source).
   */
  async readChecked(paths, kind, allowed, at) {
    const out = /* @__PURE__ */ new Map();
    const fromCommit = [];
    for (const p of paths) {
      if (this.useWorkTree(allowed(p))) out.set(p, await this.readWorkTree(p));
      else fromCommit.push(p);
    }
    if (fromCommit.length) {
      await this.prefetch(fromCommit);
      for (const p of fromCommit) {
        const obj = this.objects.get(p);
        if (obj.kind === "outside") throw new WerfActionError(`${p} is a symlink to ${obj.target}, outside the repository`, { code: "config.path-escape", location: at ? at(p) : { file: p } });
      }
      await this.assertUnchanged(fromCommit, kind, at);
      for (const p of fromCommit) {
        const obj = this.objects.get(p);
        out.set(p, obj.kind === "blob" ? obj.content.toString("utf8") : null);
      }
    }
    return out;
  }
  uncommittedError(entries, kind, at) {
    const names = entries.map((e) => `${this.fromRepo(e.path)} (${describeStatus(e)})`);
    const first = this.fromRepo(entries[0].path);
    const loc = at ? at(first) : { file: first };
    return new WerfActionError(
      `uncommitted changes in ${kind.what}: ${names.join(", ")}; giterminism reads ${entries.length === 1 ? "it" : "them"} from the current commit ${this.commit.slice(0, 12)}`,
      { code: "giterminism.uncommitted", location: loc, hint: `commit ${entries.length === 1 ? "the file" : "the files"}, run with --dev to use the work tree, or allow ${kind.allowHint} in werf-giterminism.yaml` }
    );
  }
  /** Reads a file from the work tree, following symlinks only inside the repository. */
  async readWorkTree(p) {
    const abs = join2(this.projectDir, p);
    let real;
    try {
      real = await realpath2(abs);
    } catch {
      return null;
    }
    if (real !== this.repo.root && !real.startsWith(this.repo.root + "/")) {
      throw new WerfActionError(`${p} is a symlink that points outside the repository (${real})`, { code: "config.path-escape", location: { file: p } });
    }
    try {
      const s = await stat(real);
      if (!s.isFile()) return null;
      this.workTreeReads.add(p);
      return await readFile(real, "utf8");
    } catch {
      return null;
    }
  }
  /** Files (not dirs) under `dir` in the commit tree, relative to the project. */
  async listCommitted(dir) {
    const key = dir;
    const hit = this.treeCache.get(key);
    if (hit) return hit;
    const entries = await this.repo.lsTree(this.commit, [this.toRepo(dir)], { recursive: true });
    const out = /* @__PURE__ */ new Map();
    for (const e of entries) {
      const rel = this.fromRepo(e.path);
      if (dir && rel !== dir && !rel.startsWith(dir + "/")) continue;
      out.set(rel, { type: e.mode === "120000" ? "symlink" : e.type });
    }
    this.treeCache.set(key, out);
    return out;
  }
  /** Files under `dir` in the work tree (tracked + untracked, not ignored), relative to the project. */
  async listWorkTree(dir) {
    const files = await this.repo.lsWorkTreeFiles([this.toRepo(dir)]);
    const out = [];
    for (const f of files) {
      const rel = this.fromRepo(f);
      try {
        await stat(join2(this.projectDir, rel));
        out.push(rel);
      } catch {
      }
    }
    return out;
  }
  /** Lists files matching a glob (doublestar) from the commit, or the work tree when `workTree`. */
  async glob(pattern, workTree) {
    const base = globBase(pattern);
    const re = globToRegExp(pattern.replace(/^\.\//, ""));
    const names = workTree ? await this.listWorkTree(base) : [...(await this.listCommitted(base)).keys()];
    return names.filter((n) => re.test(n)).sort();
  }
  /** Whether `p` exists (file or dir) / is a dir, in the commit or the work tree. */
  async pathKind(p, workTree) {
    if (workTree) {
      try {
        const s = await stat(join2(this.projectDir, p));
        return s.isDirectory() ? "dir" : "file";
      } catch {
        return null;
      }
    }
    const info = (await this.inspect([p])).get(p);
    if (info.kind === "blob") return "file";
    if (info.kind === "tree") return "dir";
    return null;
  }
};
function describeStatus(e) {
  if (e.untracked) return "untracked";
  const c = e.workTree !== " " ? e.workTree : e.index;
  switch (c) {
    case "M":
      return "modified";
    case "A":
      return "added";
    case "D":
      return "deleted";
    case "R":
      return "renamed";
    case "T":
      return "type changed";
    case "U":
      return "unmerged";
    default:
      return "changed";
  }
}
async function walkDir(abs, rel = "") {
  const out = [];
  let ents;
  try {
    ents = await readdir(join2(abs, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of ents) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...await walkDir(abs, r));
    else out.push(r);
  }
  return out;
}

// packages/core/src/config/yamldoc.ts
var import_yaml = __toESM(require_dist(), 1);
function splitDocs(text2) {
  const out = [];
  const lines2 = text2.split("\n");
  let cur = [];
  let start = 0;
  const flush = (nextStart) => {
    const content = cur.join("\n");
    if (!isEmptyDoc(content)) out.push({ content: cur.length ? content + "\n" : content, startLine: start });
    cur = [];
    start = nextStart;
  };
  for (let i = 0; i < lines2.length; i++) {
    const line = lines2[i];
    if (/^---[ \t\r]*(#.*)?$/.test(line) && (i < lines2.length - 1 || line.length > 0)) {
      flush(i + 1);
      continue;
    }
    if (i === lines2.length - 1 && line === "") break;
    cur.push(line);
  }
  flush(lines2.length);
  return out;
}
function isEmptyDoc(content) {
  for (const line of content.split("\n")) {
    const t = line.trim();
    if (t !== "" && !t.startsWith("#")) return false;
  }
  return true;
}
function createPositionMapper(file, source, rendered, partials = []) {
  const src = source.split("\n");
  const out = rendered.split("\n");
  const exact = new Int32Array(out.length).fill(-1);
  const partialLine = /* @__PURE__ */ new Map();
  for (const p of partials) {
    p.source.split("\n").forEach((l, i) => {
      if (l.includes("{{") || l.includes("}}") || l.trim() === "") return;
      partialLine.set(l, partialLine.has(l) ? null : { file: p.file, line: i + 1 });
    });
  }
  if (source === rendered) {
    for (let i = 0; i < out.length; i++) exact[i] = i;
  } else {
    const where = /* @__PURE__ */ new Map();
    src.forEach((l, i) => {
      if (l.includes("{{") || l.includes("}}") || l.trim() === "") return;
      const list2 = where.get(l);
      if (list2) list2.push(i);
      else where.set(l, [i]);
    });
    let s = 0;
    for (let i = 0; i < out.length; i++) {
      const cands = where.get(out[i]);
      if (!cands) continue;
      const next = cands.find((c) => c >= s);
      if (next === void 0) continue;
      exact[i] = next;
      s = next + 1;
    }
  }
  return {
    map(line, column) {
      const i = line - 1;
      if (i >= 0 && i < out.length && exact[i] >= 0) return { pos: { file, line: exact[i] + 1, column }, exact: true };
      const fromPartial = i >= 0 && i < out.length ? partialLine.get(out[i]) : void 0;
      if (fromPartial) return { pos: { file: fromPartial.file, line: fromPartial.line, column }, exact: true };
      for (let j = Math.min(i, out.length - 1); j >= 0; j--) {
        if (exact[j] >= 0) return { pos: { file, line: Math.min(exact[j] + 2, src.length), column: 1 }, exact: false };
      }
      return { pos: { file, line: 1, column: 1 }, exact: false };
    },
    renderedLine(line) {
      return out[line - 1] ?? "";
    }
  };
}
var YamlDoc = class {
  doc;
  raw;
  lc;
  mapper;
  constructor(raw, mapper) {
    this.raw = raw;
    this.mapper = mapper;
    this.lc = new import_yaml.LineCounter();
    this.doc = (0, import_yaml.parseDocument)(raw.content, { lineCounter: this.lc, version: "1.1", uniqueKeys: true, prettyErrors: true, merge: true });
    const e = this.doc.errors[0];
    if (e) {
      let [line, col] = e.linePos ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
      const lastLine = raw.content.replace(/\n$/, "").split("\n").length;
      if (line > lastLine) [line, col] = [lastLine, 1];
      const msg = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").replace(/:\s*$/, "");
      throw this.errorAt(line, col, `YAML syntax error: ${msg}`, "config.yaml-syntax");
    }
  }
  get root() {
    return this.doc.contents ?? null;
  }
  /** Source position of a node (its first character). */
  pos(node) {
    const off = node?.range?.[0] ?? 0;
    const lp = this.lc.linePos(off);
    return this.mapper.map(lp.line + this.raw.startLine, lp.col).pos;
  }
  /** A user error at `node`; shows the rendered line when the position is approximate. */
  error(node, message, code, hint) {
    const off = node?.range?.[0] ?? 0;
    const lp = this.lc.linePos(off);
    return this.errorAt(lp.line, lp.col, message, code, hint);
  }
  errorAt(docLine, col, message, code, hint) {
    const line = docLine + this.raw.startLine;
    const m = this.mapper.map(line, col);
    const text2 = m.exact ? message : `${message} (rendered werf.yaml line ${line}: ${JSON.stringify(this.mapper.renderedLine(line).trim())})`;
    return new WerfActionError(text2, { code, location: { ...m.pos }, ...hint ? { hint } : {} });
  }
};
var R = class _R {
  constructor(d, node, path, keyNode = null) {
    this.d = d;
    this.node = node;
    this.path = path;
    this.keyNode = keyNode;
  }
  d;
  node;
  path;
  keyNode;
  /** An error at the key of this value (e.g. for a forbidden key). */
  keyErr(message, code = "config.invalid-value", hint) {
    return this.d.error(this.keyNode ?? this.node, message, code, hint);
  }
  static root(d) {
    return new _R(d, d.root, "");
  }
  get pos() {
    return this.d.pos(this.node);
  }
  isNull() {
    return this.node === null || (0, import_yaml.isScalar)(this.node) && this.node.value === null;
  }
  kind() {
    const n = this.node;
    if (n === null) return "null";
    if ((0, import_yaml.isMap)(n)) return "map";
    if ((0, import_yaml.isSeq)(n)) return "list";
    if ((0, import_yaml.isScalar)(n)) {
      if (n.value === null) return "null";
      if (typeof n.value === "boolean") return "bool";
      if (typeof n.value === "number" && Number.isInteger(n.value)) return "int";
      return "string";
    }
    return "null";
  }
  err(message, code = "config.invalid-value", hint) {
    return this.d.error(this.node, message, code, hint);
  }
  where() {
    return this.path ? `\`${this.path}\`` : "the document";
  }
  typeErr(expected) {
    const got = this.kind() === "list" ? "a list" : this.kind() === "map" ? "a map" : this.kind() === "null" ? "nothing" : `${describeScalar(this.node)}`;
    return this.err(`${this.where()} must be ${expected}, got ${got}`, "config.type");
  }
  /**
   * The entries of a map; keys not in `allowed` are errors (werf's strict
   * unmarshal). `allowed` may be undefined for free-form maps.
   */
  map(allowed, hintFor2) {
    const out = /* @__PURE__ */ new Map();
    if (this.isNull()) return out;
    if (!(0, import_yaml.isMap)(this.node)) throw this.typeErr("a map");
    for (const item of this.node.items) {
      const k = item.key;
      const key = (0, import_yaml.isScalar)(k) ? String(k.value) : "";
      const childPath = this.path ? `${this.path}.${key}` : key;
      if (allowed && !allowed.includes(key)) {
        const hint = hintFor2?.(key) ?? `expected one of: ${allowed.join(", ")}`;
        const suggestion = closest(key, allowed);
        throw this.d.error(k, `unknown key \`${childPath}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`, "config.unknown-key", hint);
      }
      let v = item.value ?? null;
      if (v && (0, import_yaml.isAlias)(v)) v = v.resolve(this.d.doc);
      out.set(key, new _R(this.d, v, childPath, k));
    }
    return out;
  }
  list() {
    if (this.isNull()) return [];
    if (!(0, import_yaml.isSeq)(this.node)) throw this.typeErr("a list");
    return this.node.items.map((n, i) => new _R(this.d, n && (0, import_yaml.isAlias)(n) ? n.resolve(this.d.doc) : n, `${this.path}[${i}]`));
  }
  /** A scalar as a string (numbers and booleans keep their written form, as yaml.v2 does for string fields). */
  str() {
    const n = this.node;
    if (!(0, import_yaml.isScalar)(n) || n.value === null) throw this.typeErr("a string");
    if (typeof n.value === "string") return n.value;
    return n.source ?? String(n.value);
  }
  optStr() {
    return this.isNull() ? void 0 : this.str();
  }
  bool() {
    const n = this.node;
    if (!(0, import_yaml.isScalar)(n) || typeof n.value !== "boolean") throw this.typeErr("a boolean (true or false)");
    return n.value;
  }
  int() {
    const n = this.node;
    if (!(0, import_yaml.isScalar)(n) || typeof n.value !== "number" || !Number.isInteger(n.value)) throw this.typeErr("an integer");
    return n.value;
  }
  /** A list of strings, or (for werf's `interface{}` fields) a single string. */
  strList(opts = {}) {
    if (this.isNull()) return [];
    if (opts.single && (0, import_yaml.isScalar)(this.node)) return [this.str()];
    if (!(0, import_yaml.isSeq)(this.node)) throw this.typeErr(opts.single ? "a string or a list of strings" : "a list of strings");
    return this.list().map((r) => r.str());
  }
  /** A map of string to string (values may be any scalar). */
  strMap() {
    const out = {};
    for (const [k, v] of this.map()) out[k] = v.isNull() ? "" : v.str();
    return out;
  }
};
function describeScalar(n) {
  if (typeof n.value === "boolean") return `the boolean ${n.source ?? String(n.value)}`;
  if (typeof n.value === "number") return `the number ${n.source ?? String(n.value)}`;
  return `the string ${JSON.stringify(String(n.value))}`;
}
function closest(key, allowed) {
  let best;
  let bestD = 3;
  for (const a of allowed) {
    const d = editDistance(key.toLowerCase(), a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}
function editDistance(a, b) {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

// packages/core/src/config/giterminism.ts
var GITERMINISM_CONFIG = "werf-giterminism.yaml";
function defaultGiterminism() {
  return {
    giterminismConfigVersion: 1,
    cli: { allowCustomTags: false },
    config: {
      allowUncommitted: false,
      allowUncommittedTemplates: [],
      goTemplateRendering: { allowEnvVariables: [], allowUncommittedFiles: [] },
      secrets: { allowEnvVariables: [], allowFiles: [], allowValueIds: [] },
      stapel: { allowFromLatest: false, git: { allowBranch: false }, mount: { allowBuildDir: false, allowFromPaths: [] } },
      dockerfile: { allowUncommitted: [], allowUncommittedDockerignoreFiles: [], allowContextAddFiles: [] }
    },
    helm: { allowUncommittedFiles: [] },
    includes: { allowIncludesUpdate: false }
  };
}
function parseGiterminism(text2, file = GITERMINISM_CONFIG) {
  const out = defaultGiterminism();
  const docs = splitDocs(text2);
  if (docs.length === 0) return out;
  if (docs.length > 1) {
    const d2 = new YamlDoc(docs[1], createPositionMapper(file, text2, text2));
    throw d2.error(d2.root, `${file} must hold a single YAML document`, "giterminism.invalid");
  }
  const d = new YamlDoc(docs[0], createPositionMapper(file, text2, text2));
  const root = R.root(d);
  const m = root.map(["giterminismConfigVersion", "cli", "config", "helm", "includes"]);
  const v = m.get("giterminismConfigVersion");
  if (!v) throw root.err("`giterminismConfigVersion` is required", "config.required", "add `giterminismConfigVersion: 1`");
  if (v.kind() !== "int" || v.int() !== 1) throw v.err("`giterminismConfigVersion` must be 1");
  for (const [k, r] of m) {
    if (k === "cli") for (const [k2, r2] of r.map(["allowCustomTags"])) out.cli[k2] = r2.bool();
    if (k === "helm") for (const [, r2] of r.map(["allowUncommittedFiles"])) out.helm.allowUncommittedFiles = globs(r2);
    if (k === "includes") for (const [, r2] of r.map(["allowIncludesUpdate"])) out.includes.allowIncludesUpdate = r2.bool();
    if (k === "config") {
      const c = out.config;
      for (const [ck, cr] of r.map(["allowUncommitted", "allowUncommittedTemplates", "goTemplateRendering", "secrets", "stapel", "dockerfile"])) {
        switch (ck) {
          case "allowUncommitted":
            c.allowUncommitted = cr.bool();
            break;
          case "allowUncommittedTemplates":
            c.allowUncommittedTemplates = globs(cr);
            break;
          case "goTemplateRendering":
            for (const [gk, gr] of cr.map(["allowEnvVariables", "allowUncommittedFiles"])) {
              if (gk === "allowEnvVariables") c.goTemplateRendering.allowEnvVariables = envPatterns(gr);
              else c.goTemplateRendering.allowUncommittedFiles = globs(gr);
            }
            break;
          case "secrets":
            for (const [sk, sr] of cr.map(["allowEnvVariables", "allowFiles", "allowValueIds"])) {
              c.secrets[sk] = sk === "allowEnvVariables" ? envPatterns(sr) : sr.strList();
            }
            break;
          case "stapel":
            for (const [sk, sr] of cr.map(["allowFromLatest", "git", "mount"])) {
              if (sk === "allowFromLatest") c.stapel.allowFromLatest = sr.bool();
              else if (sk === "git") for (const [, gr] of sr.map(["allowBranch"])) c.stapel.git.allowBranch = gr.bool();
              else {
                for (const [mk, mr] of sr.map(["allowBuildDir", "allowFromPaths"])) {
                  if (mk === "allowBuildDir") c.stapel.mount.allowBuildDir = mr.bool();
                  else c.stapel.mount.allowFromPaths = globs(mr);
                }
              }
            }
            break;
          case "dockerfile":
            for (const [dk, dr] of cr.map(["allowUncommitted", "allowUncommittedDockerignoreFiles", "allowContextAddFiles"])) {
              c.dockerfile[dk] = globs(dr);
            }
            break;
        }
      }
    }
  }
  return out;
}
function globs(r) {
  return r.strList();
}
function envPatterns(r) {
  const list2 = r.strList();
  r.list().forEach((item, i) => {
    const p = list2[i];
    if (p.length >= 2 && p.startsWith("/") && p.endsWith("/")) {
      try {
        new RegExp(p.slice(1, -1));
      } catch (e) {
        throw item.err(`invalid regular expression ${p}: ${e.message}`);
      }
    }
  });
  return list2;
}
function matchNameList(list2, name2) {
  return list2.some((p) => p.length >= 2 && p.startsWith("/") && p.endsWith("/") ? new RegExp(`^(?:${p.slice(1, -1)})$`).test(name2) : p === name2);
}
function matchGlobList(list2, path) {
  return list2.some((g) => globMatchPathOrParent(g, path));
}
function denied(message, pos, hint) {
  return new WerfActionError(message, { code: "giterminism.denied", location: { ...pos }, hint });
}
function checkImageGiterminism(images, g, mode) {
  if (mode.loose) return;
  const file = GITERMINISM_CONFIG;
  for (const img of images) {
    for (const s of img.secrets) {
      if (s.env !== void 0 && !matchNameList(g.config.secrets.allowEnvVariables, s.env)) {
        throw denied(`secret ${JSON.stringify(s.id)} reads the environment variable ${s.env}, which giterminism does not allow`, s.pos, `add ${s.env} to config.secrets.allowEnvVariables in ${file}`);
      }
      if (s.src !== void 0 && !matchGlobList(g.config.secrets.allowFiles, s.src.replace(/^\.\//, ""))) {
        throw denied(`secret ${JSON.stringify(s.id)} reads the file ${s.src}, which giterminism does not allow`, s.pos, `add ${s.src} to config.secrets.allowFiles in ${file}`);
      }
      if (s.value !== void 0 && !g.config.secrets.allowValueIds.includes(s.id)) {
        throw denied(`secret ${JSON.stringify(s.id)} has an inline value, which giterminism does not allow`, s.pos, `add ${s.id} to config.secrets.allowValueIds in ${file}`);
      }
    }
    if (img.kind === "dockerfile") {
      for (const f of img.contextAddFiles) {
        const rel = img.context ? `${img.context}/${f}` : f;
        if (!g.config.dockerfile.allowContextAddFiles.some((a) => a.replace(/^\.\//, "").replace(/\/+$/, "") === rel || rel.startsWith(a.replace(/^\.\//, "").replace(/\/+$/, "") + "/"))) {
          throw denied(`contextAddFiles entry ${JSON.stringify(f)} of image ${JSON.stringify(img.name)} is not allowed by giterminism`, img.pos, `add ${rel} to config.dockerfile.allowContextAddFiles in ${file}`);
        }
      }
      continue;
    }
    if (img.fromLatest && !g.config.stapel.allowFromLatest) {
      throw denied(`image ${JSON.stringify(img.name)} uses fromLatest, which giterminism does not allow`, img.pos, `set config.stapel.allowFromLatest: true in ${file}`);
    }
    for (const gm of img.git) {
      if (gm.url !== void 0 && gm.tag === void 0 && gm.commit === void 0 && !g.config.stapel.git.allowBranch) {
        throw denied(`git mapping ${gm.url} of image ${JSON.stringify(img.name)} follows a branch${gm.branch ? ` (${gm.branch})` : ""}, which giterminism does not allow`, gm.pos, `pin a tag or commit, or set config.stapel.git.allowBranch: true in ${file}`);
      }
    }
    for (const mt of img.mount) {
      if (mt.type === "build_dir" && !g.config.stapel.mount.allowBuildDir) {
        throw denied(`mount from build_dir in image ${JSON.stringify(img.name)} is not allowed by giterminism`, mt.pos, `set config.stapel.mount.allowBuildDir: true in ${file}`);
      }
      if (mt.type === "custom_dir" && !g.config.stapel.mount.allowFromPaths.some((p) => globMatchPathOrParent(p, mt.fromPath) || p === mt.fromPath)) {
        throw denied(`mount fromPath ${mt.fromPath} in image ${JSON.stringify(img.name)} is not allowed by giterminism`, mt.pos, `add ${mt.fromPath} to config.stapel.mount.allowFromPaths in ${file}`);
      }
    }
  }
}

// packages/core/src/config/render.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { readFileSync, realpathSync, statSync } from "node:fs";

// packages/gotemplate/src/values.ts
var GoInt = class {
  constructor(v, t = "int") {
    this.v = v;
    this.t = t;
  }
  v;
  t;
  toString() {
    return this.v.toString();
  }
};
var GO_TYPE = /* @__PURE__ */ Symbol.for("werf-action.gotemplate.type");
var GO_METHODS = /* @__PURE__ */ Symbol.for("werf-action.gotemplate.methods");
function tagType(v, type) {
  Object.defineProperty(v, GO_TYPE, { value: type, enumerable: false, configurable: true, writable: true });
  return v;
}
function strSlice(a) {
  return tagType(a, "[]string");
}
var GoStruct = class {
  methods() {
    return {};
  }
  // %v
};
var GoTime = class {
  // ms since epoch + extra nanoseconds; offset in minutes east of UTC; zone name
  constructor(ms, nanos = 0, offsetMin = 0, zone = "UTC", mono = false) {
    this.ms = ms;
    this.nanos = nanos;
    this.offsetMin = offsetMin;
    this.zone = zone;
    this.mono = mono;
  }
  ms;
  nanos;
  offsetMin;
  zone;
  mono;
};
function kindName(v) {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "float64";
    case "bigint":
      return "int64";
    case "boolean":
      return "bool";
    case "undefined":
      return "invalid";
    case "function":
      return "func";
  }
  if (v === null) return "invalid";
  if (v instanceof GoInt) return v.t;
  if (Array.isArray(v) || v instanceof Uint8Array) return "slice";
  if (v instanceof GoTime) return "struct";
  if (v instanceof GoStruct) return v.goType.startsWith("*") ? "ptr" : "struct";
  return "map";
}
function typeName(v) {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "float64";
    case "bigint":
      return "int64";
    case "boolean":
      return "bool";
    case "undefined":
      return "<nil>";
    case "function":
      return "func(...interface {}) interface {}";
  }
  if (v === null) return "<nil>";
  if (v instanceof GoInt) return v.t;
  if (v instanceof Uint8Array) return "[]uint8";
  if (v instanceof GoTime) return "time.Time";
  if (v instanceof GoStruct) return v.goType;
  const t = v[GO_TYPE];
  if (t) return t;
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}
function truth(v) {
  switch (typeof v) {
    case "string":
      return v.length > 0;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
    case "boolean":
      return v;
    case "undefined":
      return false;
    case "function":
      return true;
  }
  if (v === null) return false;
  if (v instanceof GoInt) return v.v !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoTime || v instanceof GoStruct) return true;
  for (const _ in v) return true;
  return false;
}
function isGoMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof GoInt) && !(v instanceof GoTime) && !(v instanceof GoStruct);
}
function sortedKeys(m) {
  const ks = Object.keys(m);
  ks.sort(cmpBytes);
  return ks;
}
function cmpBytes(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 55296 && x <= 57343 || y >= 55296 && y <= 57343) {
        const cx = a.codePointAt(i), cy = b.codePointAt(i);
        return cx < cy ? -1 : 1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}
function byteLen(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) n++;
    else if (c < 2048) n += 2;
    else if (c >= 55296 && c <= 56319 && i + 1 < s.length && (s.charCodeAt(i + 1) & 64512) === 56320) {
      n += 4;
      i++;
    } else if (c >= 56448 && c <= 56575) n += 1;
    else n += 3;
  }
  return n;
}
function toBytes(s) {
  const out = new Uint8Array(byteLen(s));
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 128) {
      out[j++] = c;
      continue;
    }
    if (c < 2048) {
      out[j++] = 192 | c >> 6;
      out[j++] = 128 | c & 63;
      continue;
    }
    if (c >= 55296 && c <= 56319 && i + 1 < s.length && (s.charCodeAt(i + 1) & 64512) === 56320) {
      c = 65536 + (c - 55296 << 10) + (s.charCodeAt(++i) - 56320);
      out[j++] = 240 | c >> 18;
      out[j++] = 128 | c >> 12 & 63;
      out[j++] = 128 | c >> 6 & 63;
      out[j++] = 128 | c & 63;
      continue;
    }
    if (c >= 56448 && c <= 56575) {
      out[j++] = c - 56320;
      continue;
    }
    if (c >= 55296 && c <= 57343) c = 65533;
    out[j++] = 224 | c >> 12;
    out[j++] = 128 | c >> 6 & 63;
    out[j++] = 128 | c & 63;
  }
  return j === out.length ? out : out.subarray(0, j);
}
function fromBytes(b) {
  let out = "";
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i];
    if (c < 128) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let need = 0, cp2 = 0, min = 0;
    if (c >= 194 && c <= 223) {
      need = 1;
      cp2 = c & 31;
      min = 128;
    } else if (c >= 224 && c <= 239) {
      need = 2;
      cp2 = c & 15;
      min = 2048;
    } else if (c >= 240 && c <= 244) {
      need = 3;
      cp2 = c & 7;
      min = 65536;
    }
    let ok = need > 0 && i + need < n + 0 + 1 && i + need <= n - 0;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const d = b[i + k];
        if (d === void 0 || (d & 192) !== 128) {
          ok = false;
          break;
        }
        cp2 = cp2 << 6 | d & 63;
      }
      if (ok && (cp2 < min || cp2 > 1114111 || cp2 >= 55296 && cp2 <= 57343)) ok = false;
    }
    if (!ok) {
      out += String.fromCharCode(56320 + c);
      i++;
      continue;
    }
    out += String.fromCodePoint(cp2);
    i += need + 1;
  }
  return out;
}

// packages/gotemplate/src/time.ts
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
function partsOf(t) {
  const d = new Date(t.ms + t.offsetMin * 6e4);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    nanos: (t.ms % 1e3 + 1e3) % 1e3 * 1e6 + t.nanos,
    wday: d.getUTCDay(),
    yday: Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - start) / 864e5) + 1
  };
}
var TOKENS = ["January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01", "02", "03", "04", "05", "06", "15", "_2", "__2", "Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07", "-070000", "-07:00:00", "-0700", "-07:00", "-07", "PM", "pm", "1", "2", "3", "4", "5"];
function p2(n) {
  return n < 10 ? "0" + n : String(n);
}
function formatTime(t, layout) {
  const p = partsOf(t);
  let out = "";
  let i = 0;
  while (i < layout.length) {
    if ((layout[i] === "." || layout[i] === ",") && (layout[i + 1] === "0" || layout[i + 1] === "9")) {
      const c = layout[i + 1];
      let j = i + 1;
      while (layout[j] === c) j++;
      if (!(layout[j] >= "0" && layout[j] <= "9")) {
        const n = j - i - 1;
        let frac = String(p.nanos).padStart(9, "0").slice(0, n);
        if (c === "9") {
          frac = frac.replace(/0+$/, "");
          out += frac ? layout[i] + frac : "";
        } else out += layout[i] + frac;
        i = j;
        continue;
      }
    }
    const tok = TOKENS.find((k) => layout.startsWith(k, i));
    if (!tok) {
      out += layout[i++];
      continue;
    }
    i += tok.length;
    const off = t.offsetMin;
    const oh = Math.floor(Math.abs(off) / 60), om = Math.abs(off) % 60;
    const sgn = off < 0 ? "-" : "+";
    switch (tok) {
      case "January":
        out += MONTHS[p.month - 1];
        break;
      case "Jan":
        out += MONTHS[p.month - 1].slice(0, 3);
        break;
      case "Monday":
        out += DAYS[p.wday];
        break;
      case "Mon":
        out += DAYS[p.wday].slice(0, 3);
        break;
      case "MST":
        out += t.zone || sgn + p2(oh) + (om ? p2(om) : "");
        break;
      case "2006":
        out += String(p.year).padStart(4, "0");
        break;
      case "06":
        out += p2(p.year % 100);
        break;
      case "01":
        out += p2(p.month);
        break;
      case "1":
        out += String(p.month);
        break;
      case "02":
        out += p2(p.day);
        break;
      case "_2":
        out += (p.day < 10 ? " " : "") + p.day;
        break;
      case "2":
        out += String(p.day);
        break;
      case "002":
        out += String(p.yday).padStart(3, "0");
        break;
      case "__2":
        out += String(p.yday).padStart(3, " ");
        break;
      case "15":
        out += p2(p.hour);
        break;
      case "03":
        out += p2(p.hour % 12 === 0 ? 12 : p.hour % 12);
        break;
      case "3":
        out += String(p.hour % 12 === 0 ? 12 : p.hour % 12);
        break;
      case "04":
        out += p2(p.min);
        break;
      case "4":
        out += String(p.min);
        break;
      case "05":
        out += p2(p.sec);
        break;
      case "5":
        out += String(p.sec);
        break;
      case "PM":
        out += p.hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += p.hour >= 12 ? "pm" : "am";
        break;
      default: {
        if (tok.startsWith("Z") && off === 0) {
          out += "Z";
          break;
        }
        const colon = tok.includes(":");
        let s = sgn + p2(oh);
        if (tok.endsWith("07")) {
          out += s;
          break;
        }
        s += (colon ? ":" : "") + p2(om);
        if (tok.length >= 7 && (tok.endsWith("0000") || tok.endsWith("00:00"))) s += (colon ? ":" : "") + "00";
        out += s;
      }
    }
  }
  return out;
}
function parseTime(layout, value2, defaultOffsetMin = 0, zone = "UTC") {
  let year = 1, month = 1, day = 1, hour = 0, min = 0, sec = 0, nanos = 0, pm;
  let off;
  let zname = "";
  let i = 0, v = 0;
  const fail = () => {
    throw new Error(`parsing time ${JSON.stringify(value2)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(value2.slice(v))} as ${JSON.stringify(layout.slice(i))}`);
  };
  const num3 = (min2, max) => {
    let j = v;
    while (j < value2.length && j - v < max && value2[j] >= "0" && value2[j] <= "9") j++;
    if (j - v < min2) fail();
    const n = parseInt(value2.slice(v, j), 10);
    v = j;
    return n;
  };
  while (i < layout.length) {
    if ((layout[i] === "." || layout[i] === ",") && (layout[i + 1] === "0" || layout[i + 1] === "9")) {
      let j = i + 1;
      while (layout[j] === layout[i + 1]) j++;
      if (!(layout[j] >= "0" && layout[j] <= "9")) {
        if (value2[v] === "." || value2[v] === ",") {
          v++;
          const st = v;
          while (v < value2.length && value2[v] >= "0" && value2[v] <= "9") v++;
          nanos = parseInt(value2.slice(st, v).padEnd(9, "0").slice(0, 9), 10);
        } else if (layout[i + 1] === "0") fail();
        i = j;
        continue;
      }
    }
    const tok = TOKENS.find((k) => layout.startsWith(k, i));
    if (!tok) {
      if (value2[v] !== layout[i]) fail();
      i++;
      v++;
      continue;
    }
    const save = i;
    i += tok.length;
    switch (tok) {
      case "January":
      case "Jan": {
        const idx = MONTHS.findIndex((m) => value2.startsWith(tok === "Jan" ? m.slice(0, 3) : m, v));
        if (idx < 0) {
          i = save;
          fail();
        }
        v += tok === "Jan" ? 3 : MONTHS[idx].length;
        month = idx + 1;
        break;
      }
      case "Monday":
      case "Mon": {
        const idx = DAYS.findIndex((m) => value2.startsWith(tok === "Mon" ? m.slice(0, 3) : m, v));
        if (idx < 0) {
          i = save;
          fail();
        }
        v += tok === "Mon" ? 3 : DAYS[idx].length;
        break;
      }
      case "2006":
        year = num3(4, 4);
        break;
      case "06":
        year = num3(2, 2);
        year += year >= 69 ? 1900 : 2e3;
        break;
      case "01":
        month = num3(2, 2);
        break;
      case "1":
        month = num3(1, 2);
        break;
      case "02":
        day = num3(2, 2);
        break;
      case "_2":
        if (value2[v] === " ") v++;
        day = num3(1, 2);
        break;
      case "2":
        day = num3(1, 2);
        break;
      case "002":
        num3(3, 3);
        break;
      case "15":
        hour = num3(2, 2);
        break;
      case "03":
        hour = num3(2, 2);
        break;
      case "3":
        hour = num3(1, 2);
        break;
      case "04":
        min = num3(2, 2);
        break;
      case "4":
        min = num3(1, 2);
        break;
      case "05":
        sec = num3(2, 2);
        break;
      case "5":
        sec = num3(1, 2);
        break;
      case "PM":
      case "pm": {
        const s = value2.slice(v, v + 2).toUpperCase();
        if (s !== "AM" && s !== "PM") fail();
        pm = s === "PM";
        v += 2;
        break;
      }
      case "MST": {
        let j = v;
        while (j < value2.length && /[A-Z]/.test(value2[j])) j++;
        if (j - v < 3) fail();
        zname = value2.slice(v, j);
        v = j;
        if (zname === "UTC" || zname === "GMT") off = 0;
        break;
      }
      default: {
        if (tok.startsWith("Z") && value2[v] === "Z") {
          v++;
          off = 0;
          break;
        }
        const sg = value2[v];
        if (sg !== "+" && sg !== "-") fail();
        v++;
        const h = num3(2, 2);
        let m = 0;
        if (!tok.endsWith("07")) {
          if (tok.includes(":")) {
            if (value2[v] !== ":") fail();
            v++;
          }
          m = num3(2, 2);
        }
        off = (sg === "-" ? -1 : 1) * (h * 60 + m);
      }
    }
  }
  if (v !== value2.length) throw new Error(`parsing time ${JSON.stringify(value2)}: extra text: ${JSON.stringify(value2.slice(v))}`);
  if (pm !== void 0) {
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (month < 1 || month > 12) throw new Error(`parsing time ${JSON.stringify(value2)}: month out of range`);
  if (day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59) throw new Error(`parsing time ${JSON.stringify(value2)}: day out of range`);
  const offset = off ?? defaultOffsetMin;
  const ms = Date.UTC(year, month - 1, day, hour, min, sec) - offset * 6e4;
  const zoneName = off === void 0 ? zone : off === 0 && (zname === "" || zname === "UTC") ? "UTC" : zname;
  return new GoTime(ms + Math.floor(nanos / 1e6), nanos % 1e6, offset, zoneName);
}

// packages/gotemplate/src/fmt.ts
function digitsOf(f) {
  const e = Math.abs(f).toExponential();
  const i = e.indexOf("e");
  const mant = e.slice(0, i).replace(".", "");
  return { d: mant, dp: parseInt(e.slice(i + 1), 10) + 1 };
}
function expStr(exp) {
  const a = Math.abs(exp);
  return (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
}
function fixedFromDigits(d, dp) {
  if (dp <= 0) return "0." + "0".repeat(-dp) + d;
  if (dp >= d.length) return d + "0".repeat(dp - d.length);
  return d.slice(0, dp) + "." + d.slice(dp);
}
function formatFloatG(f) {
  if (f !== f) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const { d, dp } = digitsOf(f);
  const sign2 = f < 0 ? "-" : "";
  const exp = dp - 1;
  if (exp < -4 || exp >= 6) {
    const m = d.length > 1 ? d[0] + "." + d.slice(1) : d;
    return sign2 + m + "e" + expStr(exp);
  }
  return sign2 + fixedFromDigits(d, dp);
}
function formatFloatPrec(f, verb, prec) {
  if (f !== f) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  const sign2 = neg ? "-" : "";
  if (prec < 0) {
    if (verb === "g") return formatFloatG(f);
    if (verb === "G") return formatFloatG(f).toUpperCase();
    if (a === 0) return sign2 + (verb === "f" || verb === "F" ? "0" : "0e+00");
    const { d, dp } = digitsOf(a);
    if (verb === "e" || verb === "E") {
      const m = d.length > 1 ? d[0] + "." + d.slice(1) : d;
      return sign2 + m + (verb === "E" ? "E" : "e") + expStr(dp - 1);
    }
    return sign2 + fixedFromDigits(d, dp);
  }
  switch (verb) {
    case "f":
    case "F":
      return sign2 + toFixedExact(a, prec);
    case "e":
    case "E": {
      const [m, e] = exactExp(a, prec);
      return sign2 + m + (verb === "E" ? "E" : "e") + expStr(e);
    }
    default: {
      let p = prec === 0 ? 1 : prec;
      if (a === 0) return sign2 + "0";
      const s = a.toExponential(p - 1);
      const i = s.indexOf("e");
      const exp = parseInt(s.slice(i + 1), 10);
      let mant = s.slice(0, i);
      if (exp < -4 || exp >= p) {
        if (mant.includes(".")) mant = mant.replace(/0+$/, "").replace(/\.$/, "");
        return sign2 + mant + (verb === "G" ? "E" : "e") + expStr(exp);
      }
      let fx = toFixedExact(a, Math.max(p - 1 - exp, 0));
      if (fx.includes(".")) fx = fx.replace(/0+$/, "").replace(/\.$/, "");
      return sign2 + fx;
    }
  }
}
function exactParts(a) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, a);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const be = hi >>> 20 & 2047;
  let m = BigInt(hi & 1048575) << 32n | BigInt(lo);
  let e = be - 1075;
  if (be === 0) e = -1074;
  else m |= 1n << 52n;
  return e >= 0 ? [m << BigInt(e), 0n] : [m, BigInt(-e)];
}
function roundDiv(n, d) {
  const q2 = n / d, r = n % d;
  const twice = r * 2n;
  return twice > d || twice === d && (q2 & 1n) === 1n ? q2 + 1n : q2;
}
function exactFixed(a, prec) {
  const [n, k] = exactParts(a);
  const q2 = roundDiv(n * 10n ** BigInt(prec), 1n << k).toString();
  if (prec === 0) return q2;
  const p = q2.padStart(prec + 1, "0");
  return p.slice(0, p.length - prec) + "." + p.slice(p.length - prec);
}
function exactExp(a, prec) {
  if (a === 0) return [prec > 0 ? "0." + "0".repeat(prec) : "0", 0];
  const [n, k] = exactParts(a);
  let e = Math.floor(Math.log10(a));
  for (; ; ) {
    const sh = prec - e;
    const num3 = sh >= 0 ? n * 10n ** BigInt(sh) : n;
    const den = sh >= 0 ? 1n << k : (1n << k) * 10n ** BigInt(-sh);
    const q2 = roundDiv(num3, den);
    const ds = q2.toString();
    if (ds.length > prec + 1) {
      e++;
      continue;
    }
    if (ds.length < prec + 1) {
      e--;
      continue;
    }
    return [prec > 0 ? ds[0] + "." + ds.slice(1) : ds, e];
  }
}
function toFixedExact(a, prec) {
  if (prec <= 60) return exactFixed(a, prec);
  const { d, dp } = digitsOf(a);
  const intPart = fixedFromDigits(d, dp).split(".")[0];
  return prec > 0 ? intPart + "." + "0".repeat(prec) : intPart;
}
var HEX = "0123456789abcdef";
function isPrintRune(cp2) {
  if (cp2 < 32 || cp2 === 127) return false;
  if (cp2 < 127) return true;
  if (cp2 >= 128 && cp2 < 160) return false;
  if (cp2 === 173) return false;
  const ch = String.fromCodePoint(cp2);
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch);
}
function quoteGo(s, quote = '"', asciiOnly = false) {
  let out = quote;
  for (const ch of s) {
    const cp2 = ch.codePointAt(0);
    if (ch === quote || ch === "\\") {
      out += "\\" + ch;
      continue;
    }
    if (cp2 >= 56448 && cp2 <= 56575) {
      out += "\\x" + HEX[cp2 - 56320 >> 4] + HEX[cp2 & 15];
      continue;
    }
    if (cp2 === 65533) {
      out += ch;
      continue;
    }
    if (asciiOnly ? cp2 >= 32 && cp2 < 127 : isPrintRune(cp2)) {
      out += ch;
      continue;
    }
    switch (cp2) {
      case 7:
        out += "\\a";
        continue;
      case 8:
        out += "\\b";
        continue;
      case 12:
        out += "\\f";
        continue;
      case 10:
        out += "\\n";
        continue;
      case 13:
        out += "\\r";
        continue;
      case 9:
        out += "\\t";
        continue;
      case 11:
        out += "\\v";
        continue;
    }
    if (cp2 < 32 || cp2 === 127) out += "\\x" + HEX[cp2 >> 4] + HEX[cp2 & 15];
    else if (cp2 < 65536) out += "\\u" + cp2.toString(16).padStart(4, "0");
    else out += "\\U" + cp2.toString(16).padStart(8, "0");
  }
  return out + quote;
}
function quoteRune(cp2) {
  if (cp2 > 1114111 || cp2 >= 55296 && cp2 <= 57343 || cp2 < 0) cp2 = 65533;
  return quoteGo(String.fromCodePoint(cp2), "'");
}
function formatV(v, plus = false) {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return formatFloatG(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "<nil>";
    case "function":
      return "0x" + "1".padStart(6, "0");
  }
  if (v === null) return "<nil>";
  if (v instanceof GoInt) return v.v.toString();
  if (Array.isArray(v)) {
    let s2 = "[";
    for (let i = 0; i < v.length; i++) {
      if (i) s2 += " ";
      s2 += formatV(v[i], plus);
    }
    return s2 + "]";
  }
  if (v instanceof Uint8Array) return "[" + Array.from(v).join(" ") + "]";
  if (v instanceof GoTime) return formatTime(v, "2006-01-02 15:04:05.999999999 -0700 MST");
  if (v instanceof GoStruct) return v.format();
  if (v instanceof Error) return v.message;
  const m = v;
  let s = "map[";
  let first = true;
  for (const k of sortedKeys(m)) {
    if (!first) s += " ";
    first = false;
    s += k + ":" + formatV(m[k], plus);
  }
  return s + "]";
}
function sprint(args) {
  let s = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (i > 0 && typeof a !== "string" && typeof args[i - 1] !== "string") s += " ";
    s += formatV(a);
  }
  return s;
}
function sprintln(args) {
  return args.map((a) => formatV(a)).join(" ") + "\n";
}
function pad(s, sp, numeric = false) {
  if (sp.width === void 0) return s;
  const n = [...s].length;
  if (n >= sp.width) return s;
  if (sp.minus) return s + " ".repeat(sp.width - n);
  if (sp.zero && numeric) {
    const neg = s[0] === "-" || s[0] === "+";
    return neg ? s[0] + "0".repeat(sp.width - n) + s.slice(1) : "0".repeat(sp.width - n) + s;
  }
  if (sp.zero && !numeric) return "0".repeat(sp.width - n) + s;
  return " ".repeat(sp.width - n) + s;
}
function badVerb(verb, v, sp) {
  if (v === void 0 || v === null) return "%!" + verb + "(<nil>)";
  return "%!" + verb + "(" + typeName(v) + "=" + (sp ? fmtOne(v, "v", sp, false) : formatV(v)) + ")";
}
function fmtInteger(n, verb, sp, typ) {
  const neg = n < 0n;
  let a = neg ? -n : n;
  let s;
  switch (verb) {
    case "d":
    case "v":
      s = a.toString();
      break;
    case "x":
      s = a.toString(16);
      if (sp.sharp) s = "0x" + s;
      break;
    case "X":
      s = a.toString(16).toUpperCase();
      if (sp.sharp) s = "0X" + s;
      break;
    case "o":
      s = a.toString(8);
      if (sp.sharp) s = "0" + s;
      break;
    case "O":
      s = "0o" + a.toString(8);
      break;
    case "b":
      s = a.toString(2);
      break;
    case "c":
      return pad(String.fromCodePoint(Number(n)), sp);
    case "q":
      return pad(quoteRune(Number(n)), sp);
    case "U":
      s = "U+" + a.toString(16).toUpperCase().padStart(4, "0");
      break;
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "s":
    case "t":
      return void 0;
    default:
      return void 0;
  }
  void typ;
  if (sp.prec !== void 0) s = s.padStart(sp.prec, "0");
  if (neg) s = "-" + s;
  else if (sp.plus) s = "+" + s;
  else if (sp.space) s = " " + s;
  return pad(s, sp, sp.prec === void 0);
}
function fmtFloatVerb(f, verb, sp) {
  let s;
  switch (verb) {
    case "x":
    case "X":
      s = hexFloat(f, verb === "X");
      break;
    case "v":
    case "g":
    case "G":
      s = formatFloatPrec(f, verb === "v" ? "g" : verb, sp.prec ?? -1);
      break;
    case "e":
    case "E":
      s = formatFloatPrec(f, verb, sp.prec ?? 6);
      break;
    case "f":
    case "F":
      s = formatFloatPrec(f, "f", sp.prec ?? 6);
      break;
    default:
      return void 0;
  }
  if (sp.plus && s[0] !== "-" && s[0] !== "+") s = "+" + s;
  else if (sp.space && s[0] !== "-") s = " " + s;
  if (s === "+Inf" && !sp.plus) s = "Inf";
  return pad(s, sp, isFinite(f));
}
function fmtString(s, verb, sp) {
  switch (verb) {
    case "v":
    case "s": {
      if (sp.prec !== void 0) s = [...s].slice(0, sp.prec).join("");
      return pad(s, sp);
    }
    case "q": {
      if (sp.prec !== void 0) s = [...s].slice(0, sp.prec).join("");
      if (sp.sharp && !s.includes("`") && !/[\x00-\x08\x0a-\x1f\x7f]/.test(s)) return pad("`" + s + "`", sp);
      return pad(quoteGo(s, '"', sp.plus), sp);
    }
    case "x":
    case "X": {
      const b = toBytes(s);
      let out = "";
      for (let i = 0; i < b.length; i++) {
        if (sp.space && i > 0) out += " ";
        if (sp.sharp && (sp.space || i === 0)) out += verb === "x" ? "0x" : "0X";
        const h = b[i].toString(16).padStart(2, "0");
        out += verb === "X" ? h.toUpperCase() : h;
      }
      return pad(out, sp);
    }
  }
  return void 0;
}
function fmtOne(v, verb, sp, top = true) {
  if (verb === "T") return pad(v === void 0 || v === null ? "<nil>" : typeName(v), sp);
  if (verb === "p") return badVerb(verb, v, sp);
  if (v === void 0 || v === null) {
    if (verb === "v") return pad("<nil>", sp);
    return top ? badVerb(verb, v, sp) : pad("<nil>", sp);
  }
  switch (typeof v) {
    case "boolean":
      if (verb === "v" || verb === "t") return pad(v ? "true" : "false", sp);
      return badVerb(verb, v, sp);
    case "string":
      return fmtString(v, verb, sp) ?? badVerb(verb, v, sp);
    case "number":
      return fmtFloatVerb(v, verb, sp) ?? badVerb(verb, v, sp);
    case "bigint":
      return fmtInteger(v, verb, sp, "int64") ?? badVerb(verb, v, sp);
  }
  if (v instanceof GoInt) return fmtInteger(v.v, verb, sp, v.t) ?? badVerb(verb, v, sp);
  if (v instanceof Uint8Array) {
    if (verb === "s" || verb === "q" || verb === "x" || verb === "X") return fmtString(Buffer.from(v).toString("utf8"), verb, sp);
    return "[" + Array.from(v).map((x) => fmtInteger(BigInt(x), verb, sp, "uint8") ?? badVerb(verb, new GoInt(BigInt(x), "uint8"), sp)).join(" ") + "]";
  }
  if (Array.isArray(v)) {
    return "[" + v.map((x) => fmtOne(x, verb, sp, false)).join(" ") + "]";
  }
  if (v instanceof GoTime || v instanceof GoStruct || v instanceof Error) {
    if (verb === "v" || verb === "s") return pad(formatV(v), sp);
    if (verb === "q") return pad(quoteGo(formatV(v)), sp);
    return badVerb(verb, v, sp);
  }
  if (isGoMap(v)) {
    const parts = [];
    for (const k of sortedKeys(v)) parts.push(fmtOne(k, verb, sp, false) + ":" + fmtOne(v[k], verb, sp, false));
    return "map[" + parts.join(" ") + "]";
  }
  return pad(formatV(v), sp);
}
function sprintf(format, args) {
  let out = "";
  let argi = 0;
  const n = format.length;
  let i = 0;
  let reordered = false;
  while (i < n) {
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    if (i >= n) {
      out += "%!(NOVERB)";
      break;
    }
    const sp = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < n; i++) {
      const c = format[i];
      if (c === "-") {
        sp.minus = true;
        sp.zero = false;
      } else if (c === "+") sp.plus = true;
      else if (c === "#") sp.sharp = true;
      else if (c === " ") sp.space = true;
      else if (c === "0") sp.zero = !sp.minus;
      else break;
    }
    const argIndex = () => {
      if (format[i] === "[") {
        const close = format.indexOf("]", i);
        if (close > 0) {
          const k = parseInt(format.slice(i + 1, close), 10);
          if (!isNaN(k) && k >= 1) {
            argi = k - 1;
            reordered = true;
          }
          i = close + 1;
        }
      }
    };
    argIndex();
    if (format[i] === "*") {
      i++;
      const w = args[argi++];
      const wn = w instanceof GoInt ? Number(w.v) : typeof w === "bigint" ? Number(w) : void 0;
      if (wn === void 0) out += "%!(BADWIDTH)";
      else {
        sp.width = Math.abs(wn);
        if (wn < 0) {
          sp.minus = true;
          sp.zero = false;
        }
      }
    } else {
      let w = "";
      while (i < n && format[i] >= "0" && format[i] <= "9") w += format[i++];
      if (w) sp.width = parseInt(w, 10);
    }
    if (format[i] === ".") {
      i++;
      argIndex();
      if (format[i] === "*") {
        i++;
        const p = args[argi++];
        const pn = p instanceof GoInt ? Number(p.v) : typeof p === "bigint" ? Number(p) : void 0;
        if (pn === void 0 || pn < 0) out += "%!(BADPREC)";
        else sp.prec = pn;
      } else {
        let p = "";
        while (i < n && format[i] >= "0" && format[i] <= "9") p += format[i++];
        sp.prec = p ? parseInt(p, 10) : 0;
      }
    }
    argIndex();
    if (i >= n) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i));
    i += verb.length;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (argi >= args.length) {
      out += "%!" + verb + "(MISSING)";
      continue;
    }
    const a = args[argi++];
    if (verb === "v" && sp.sharp) {
      out += goSyntax(a);
      continue;
    }
    if (verb === "v" && sp.plus) {
      sp.plus = false;
      if (a instanceof GoStruct) {
        out += a.format();
        continue;
      }
    }
    out += fmtOne(a, verb, sp);
  }
  if (!reordered && argi < args.length) {
    out += "%!(EXTRA " + args.slice(argi).map((a) => a === void 0 || a === null ? "<nil>" : typeName(a) + "=" + formatV(a)).join(", ") + ")";
  }
  return out;
}
function goSyntax(v) {
  if (v === void 0 || v === null) return "<nil>";
  switch (typeof v) {
    case "string":
      return quoteGo(v);
    case "number":
      return formatFloatG(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return String(v);
  }
  if (v instanceof GoInt) return v.v.toString();
  if (Array.isArray(v)) return typeName(v) + "{" + v.map((x) => goSyntax(x)).join(", ") + "}";
  if (isGoMap(v)) return typeName(v) + "{" + sortedKeys(v).map((k) => quoteGo(k) + ":" + goSyntax(v[k])).join(", ") + "}";
  return formatV(v);
}
function hexFloat(f, upper) {
  if (!isFinite(f)) return f !== f ? "NaN" : f > 0 ? "+Inf" : "-Inf";
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  let s;
  if (a === 0) s = "0x0p+00";
  else {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setFloat64(0, a);
    const hi = dv.getUint32(0), lo = dv.getUint32(4);
    let exp = hi >>> 20 & 2047;
    let mant = BigInt(hi & 1048575) << 32n | BigInt(lo);
    if (exp === 0) {
      exp = 1;
      while (!(mant & 1n << 52n)) {
        mant <<= 1n;
        exp--;
      }
      mant &= (1n << 52n) - 1n;
    }
    const e = exp - 1023;
    let frac = mant.toString(16).padStart(13, "0").replace(/0+$/, "");
    const es = Math.abs(e) < 10 ? "0" + Math.abs(e) : String(Math.abs(e));
    s = "0x1" + (frac ? "." + frac : "") + "p" + (e < 0 ? "-" : "+") + es;
  }
  if (upper) s = s.toUpperCase();
  return (neg ? "-" : "") + s;
}

// packages/gotemplate/src/parse.ts
var KEY = {
  ".": 26 /* Dot */,
  block: 23 /* Block */,
  break: 24 /* Break */,
  continue: 25 /* Continue */,
  define: 27 /* Define */,
  else: 28 /* Else */,
  end: 29 /* End */,
  if: 30 /* If */,
  range: 32 /* Range */,
  nil: 31 /* Nil */,
  template: 33 /* Template */,
  with: 34 /* With */
};
function isSpace(c) {
  return c === " " || c === "	" || c === "\r" || c === "\n";
}
function isAlphaNumeric(c) {
  if (c === "_") return true;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122) return true;
  if (code < 128) return false;
  return /[\p{L}\p{Nd}]/u.test(c);
}
function goU(c) {
  const cp2 = c.codePointAt(0);
  const hex = cp2.toString(16).toUpperCase().padStart(4, "0");
  const printable = cp2 >= 32 && cp2 !== 127 && !(cp2 >= 128 && cp2 < 160);
  return printable ? `U+${hex} '${c}'` : `U+${hex}`;
}
function lex(input, left = "{{", right = "}}", breakOK = true, continueOK = true) {
  const items = [];
  let pos = 0, start = 0, parenDepth = 0;
  let line = 1, startLine = 1;
  const rFirst = right[0];
  const emit = (t) => {
    items.push({ t, pos: start, val: input.slice(start, pos), line: startLine });
    startLine += countNL(input, start, pos);
    start = pos;
  };
  const ignore = () => {
    startLine += countNL(input, start, pos);
    start = pos;
  };
  const errorf = (msg) => {
    items.push({ t: 0 /* Error */, pos: start, val: msg, line: startLine });
    return false;
  };
  const peek = () => {
    if (pos >= input.length) return "";
    const c = input.charCodeAt(pos);
    return c < 55296 || c > 56319 ? input[pos] : String.fromCodePoint(input.codePointAt(pos));
  };
  const next = () => {
    const c = peek();
    pos += c.length;
    return c;
  };
  const hasLeftTrim = (p) => input[p] === "-" && p + 1 < input.length && isSpace(input[p + 1]);
  const hasRightTrim = (p) => p + 1 < input.length && isSpace(input[p]) && input[p + 1] === "-";
  const atRightDelim = () => {
    if (hasRightTrim(pos) && input.startsWith(right, pos + 2)) return [true, true];
    if (input.startsWith(right, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = () => {
    const r = peek();
    if (r === "" || isSpace(r)) return true;
    switch (r) {
      case ".":
      case ",":
      case "|":
      case ":":
      case ")":
      case "(":
        return true;
    }
    return r === rFirst;
  };
  const leftTrimLen = (p) => {
    let q2 = p;
    while (q2 < input.length && isSpace(input[q2])) q2++;
    return q2 - p;
  };
  void line;
  let state = "text";
  for (; ; ) {
    if (state === "text") {
      const x = input.indexOf(left, pos);
      if (x >= 0) {
        pos = x;
        let trim = 0;
        if (hasLeftTrim(x + left.length)) {
          let q2 = x;
          while (q2 > start && isSpace(input[q2 - 1])) q2--;
          trim = x - q2;
        }
        pos -= trim;
        if (pos > start) emit(20 /* Text */);
        pos += trim;
        ignore();
        pos += left.length;
        const trimSpace2 = hasLeftTrim(pos);
        const after = trimSpace2 ? 2 : 0;
        if (input.startsWith("/*", pos + after)) {
          pos += after;
          ignore();
          pos += 2;
          const e = input.indexOf("*/", pos);
          if (e < 0) {
            errorf("unclosed comment");
            break;
          }
          pos = e + 2;
          const [delim2, ts] = atRightDelim();
          if (!delim2) {
            errorf("comment ends before closing delimiter");
            break;
          }
          emit(4 /* Comment */);
          if (ts) pos += 2;
          pos += right.length;
          if (ts) pos += leftTrimLen(pos);
          ignore();
          continue;
        }
        emit(11 /* LeftDelim */);
        pos += after;
        ignore();
        parenDepth = 0;
        state = "action";
        continue;
      }
      pos = input.length;
      if (pos > start) emit(20 /* Text */);
      emit(8 /* EOF */);
      break;
    }
    const [delim, trimSpace] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) {
        if (trimSpace) {
          pos += 2;
          ignore();
        }
        pos += right.length;
        emit(16 /* RightDelim */);
        if (trimSpace) {
          pos += leftTrimLen(pos);
          ignore();
        }
        state = "text";
        continue;
      }
      errorf("unclosed left paren");
      break;
    }
    const r = next();
    if (r === "") {
      errorf("unclosed action");
      break;
    }
    if (isSpace(r)) {
      pos -= 1;
      let num3 = 0;
      while (pos < input.length && isSpace(input[pos])) {
        pos++;
        num3++;
      }
      if (hasRightTrim(pos - 1) && input.startsWith(right, pos - 1 + 2)) {
        pos--;
        if (num3 === 1) continue;
      }
      emit(18 /* Space */);
      continue;
    }
    if (r === "=") {
      emit(6 /* Assign */);
      continue;
    }
    if (r === ":") {
      if (next() !== "=") {
        errorf("expected :=");
        break;
      }
      emit(7 /* Declare */);
      continue;
    }
    if (r === "|") {
      emit(14 /* Pipe */);
      continue;
    }
    if (r === '"') {
      let ok = true;
      for (; ; ) {
        const c = next();
        if (c === "\\") {
          const d = next();
          if (d !== "" && d !== "\n") continue;
          ok = false;
          break;
        }
        if (c === "" || c === "\n") {
          ok = false;
          break;
        }
        if (c === '"') break;
      }
      if (!ok) {
        errorf("unterminated quoted string");
        break;
      }
      emit(19 /* String */);
      continue;
    }
    if (r === "`") {
      const e = input.indexOf("`", pos);
      if (e < 0) {
        errorf("unterminated raw quoted string");
        break;
      }
      pos = e + 1;
      emit(15 /* RawString */);
      continue;
    }
    if (r === "$") {
      if (atTerminator()) {
        emit(21 /* Variable */);
        continue;
      }
      if (!lexFieldOrVar(21 /* Variable */)) break;
      continue;
    }
    if (r === "'") {
      let ok = true;
      for (; ; ) {
        const c = next();
        if (c === "\\") {
          const d = next();
          if (d !== "" && d !== "\n") continue;
          ok = false;
          break;
        }
        if (c === "" || c === "\n") {
          ok = false;
          break;
        }
        if (c === "'") break;
      }
      if (!ok) {
        errorf("unterminated character constant");
        break;
      }
      emit(3 /* CharConstant */);
      continue;
    }
    if (r === ".") {
      if (pos < input.length) {
        const c = input[pos];
        if (c < "0" || c > "9") {
          if (atTerminator()) {
            emit(26 /* Dot */);
            continue;
          }
          if (!lexFieldOrVar(9 /* Field */)) break;
          continue;
        }
      }
    }
    if (r === "." || r === "+" || r === "-" || r >= "0" && r <= "9") {
      pos -= 1;
      if (!scanNumber()) {
        errorf(`bad number syntax: ${quoteGo(input.slice(start, pos))}`);
        break;
      }
      const sign2 = peek();
      if (sign2 === "+" || sign2 === "-") {
        if (!scanNumber() || input[pos - 1] !== "i") {
          errorf(`bad number syntax: ${quoteGo(input.slice(start, pos))}`);
          break;
        }
        emit(5 /* Complex */);
      } else emit(13 /* Number */);
      continue;
    }
    if (isAlphaNumeric(r)) {
      pos -= r.length;
      let c;
      for (; ; ) {
        c = next();
        if (!isAlphaNumeric(c)) {
          pos -= c.length;
          break;
        }
      }
      const word = input.slice(start, pos);
      if (!atTerminator()) {
        errorf(`bad character ${goU(c)}`);
        break;
      }
      const k = KEY[word];
      if (k !== void 0 && k > 22 /* Keyword */) {
        if (k === 24 /* Break */ && !breakOK || k === 25 /* Continue */ && !continueOK) emit(10 /* Identifier */);
        else emit(k);
      } else if (word[0] === ".") emit(9 /* Field */);
      else if (word === "true" || word === "false") emit(1 /* Bool */);
      else emit(10 /* Identifier */);
      continue;
    }
    if (r === "(") {
      emit(12 /* LeftParen */);
      parenDepth++;
      continue;
    }
    if (r === ")") {
      emit(17 /* RightParen */);
      parenDepth--;
      if (parenDepth < 0) {
        errorf(`unexpected right paren ${goU(r)}`);
        break;
      }
      continue;
    }
    if (r.charCodeAt(0) <= 127 && r >= " " && r !== "\x7F") {
      emit(2 /* Char */);
      continue;
    }
    errorf(`unrecognized character in action: ${goU(r)}`);
    break;
  }
  return items;
  function lexFieldOrVar(t) {
    if (atTerminator()) {
      emit(t === 21 /* Variable */ ? 21 /* Variable */ : 26 /* Dot */);
      return true;
    }
    let c;
    for (; ; ) {
      c = next();
      if (!isAlphaNumeric(c)) {
        pos -= c.length;
        break;
      }
    }
    if (!atTerminator()) {
      errorf(`bad character ${goU(c)}`);
      return false;
    }
    emit(t);
    return true;
  }
  function accept(valid) {
    if (pos < input.length && valid.includes(input[pos])) {
      pos++;
      return true;
    }
    return false;
  }
  function acceptRun(valid) {
    while (pos < input.length && valid.includes(input[pos])) pos++;
  }
  function scanNumber() {
    accept("+-");
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length === 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length === 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (pos < input.length && isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
}
function countNL(s, a, b) {
  let n = 0;
  const first = s.indexOf("\n", a);
  if (first < 0 || first >= b) return 0;
  for (let i = s.indexOf("\n", a); i >= 0 && i < b; i = s.indexOf("\n", i + 1)) n++;
  return n;
}
function nodeString(n) {
  switch (n.k) {
    case "text":
      return n.text;
    case "comment":
      return "{{" + n.text + "}}";
    case "list":
      return n.nodes.map(nodeString).join("");
    case "action":
      return "{{" + nodeString(n.pipe) + "}}";
    case "if":
    case "range":
    case "with":
      return "{{" + n.k + " " + nodeString(n.pipe) + "}}" + nodeString(n.list) + (n.elseList ? "{{else}}" + nodeString(n.elseList) : "") + "{{end}}";
    case "template":
      return "{{template " + quoteGo(n.name) + (n.pipe ? " " + nodeString(n.pipe) : "") + "}}";
    case "break":
      return "{{break}}";
    case "continue":
      return "{{continue}}";
    case "pipe": {
      let s = "";
      if (n.decl.length) s = n.decl.map(nodeString).join(", ") + " := ";
      return s + n.cmds.map(nodeString).join(" | ");
    }
    case "command":
      return n.args.map((a) => a.k === "pipe" ? "(" + nodeString(a) + ")" : nodeString(a)).join(" ");
    case "field":
      return n.ident.map((i) => "." + i).join("");
    case "variable":
      return n.ident.join(".");
    case "chain":
      return (n.node.k === "pipe" ? "(" + nodeString(n.node) + ")" : nodeString(n.node)) + n.field.map((f) => "." + f).join("");
    case "identifier":
      return n.ident;
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "bool":
      return n.val ? "true" : "false";
    case "number":
      return n.text;
    case "string":
      return n.quoted;
    case "end":
      return "{{end}}";
    case "else":
      return "{{else}}";
  }
}
var ParseError = class extends Error {
  constructor(message, parseName, line) {
    super(message);
    this.parseName = parseName;
    this.line = line;
  }
  parseName;
  line;
};
function unquote(s) {
  if (s[0] === "`") {
    if (s.includes("\r")) return s.slice(1, -1).replace(/\r/g, "");
    return s.slice(1, -1);
  }
  const q2 = s[0];
  const body = s.slice(1, -1);
  if (!body.includes("\\")) {
    if (q2 === "'" && [...body].length !== 1) throw new Error("invalid syntax");
    return body;
  }
  let out = "";
  const bytes = [];
  const flush = () => {
    if (bytes.length) {
      out += fromBytes(Uint8Array.from(bytes));
      bytes.length = 0;
    }
  };
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c !== "\\") {
      flush();
      const ch = String.fromCodePoint(body.codePointAt(i));
      out += ch;
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    const simple = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\" };
    if (e in simple) {
      flush();
      out += simple[e];
      continue;
    }
    if (e === q2) {
      flush();
      out += e;
      continue;
    }
    if (e === "x") {
      const h = body.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new Error("invalid syntax");
      bytes.push(parseInt(h, 16));
      i += 2;
      continue;
    }
    if (e >= "0" && e <= "7") {
      const o = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new Error("invalid syntax");
      bytes.push(parseInt(o, 8));
      i += 2;
      continue;
    }
    if (e === "u" || e === "U") {
      const n = e === "u" ? 4 : 8;
      const h = body.slice(i, i + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw new Error("invalid syntax");
      const cp2 = parseInt(h, 16);
      if (cp2 > 1114111 || cp2 >= 55296 && cp2 < 57344) throw new Error("invalid syntax");
      flush();
      out += String.fromCodePoint(cp2);
      i += n;
      continue;
    }
    throw new Error("invalid syntax");
  }
  flush();
  return out;
}
function parseGoInt(text2, unsigned) {
  let s = text2;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (unsigned && (text2[0] === "+" || text2[0] === "-")) return void 0;
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (/^0[xX]/.test(s)) {
    base = 16;
    digits = s.slice(2);
    prefixed = true;
  } else if (/^0[oO]/.test(s)) {
    base = 8;
    digits = s.slice(2);
    prefixed = true;
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    digits = s.slice(2);
    prefixed = true;
  } else if (s.length > 1 && s[0] === "0") {
    base = 8;
    digits = s.slice(1);
  }
  if (digits.includes("_")) {
    const chk = (prefixed || base === 8 ? "_" : "") + digits;
    if (/__|_$/.test(digits) || !prefixed && base !== 8 && digits[0] === "_") return void 0;
    void chk;
    digits = digits.replace(/_/g, "");
  }
  if (!digits) return base === 8 && !prefixed ? 0n : void 0;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return void 0;
  let v = BigInt((base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "") + digits);
  if (neg) v = -v;
  if (unsigned) {
    if (v > 0xffffffffffffffffn) return void 0;
  } else if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return void 0;
  return v;
}
function parseGoFloat(text2) {
  let s = text2.replace(/_/g, "");
  if (/^[+-]?0[xX]/.test(s)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
    if (!m) return void 0;
    const mant = parseInt((m[2] || "0") + (m[3] || ""), 16) / Math.pow(16, (m[3] || "").length);
    return (m[1] === "-" ? -1 : 1) * mant * Math.pow(2, parseInt(m[4], 10));
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return void 0;
  return Number(s);
}
function newNumber(text2, typ) {
  const n = { k: "number", text: text2, isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0n, uint64: 0n, float64: 0 };
  if (typ === 3 /* CharConstant */) {
    let r;
    try {
      r = unquote(text2);
    } catch {
      throw new Error("invalid syntax");
    }
    const cps = [...r];
    if (cps.length !== 1) throw new Error(`malformed character constant: ${text2}`);
    const cp2 = BigInt(cps[0].codePointAt(0));
    return { ...n, isInt: true, isUint: true, isFloat: true, int64: cp2, uint64: cp2, float64: Number(cp2) };
  }
  if (typ === 5 /* Complex */) {
    const m = /^([+-]?[^+-]+(?:[eE][+-]\d+)?)([+-].*)i$/.exec(text2);
    const re = m ? parseGoFloat(m[1]) : void 0;
    const im = m ? parseGoFloat(m[2]) : void 0;
    if (re === void 0 || im === void 0) throw new Error(`expected integer`);
    return simplifyComplex({ ...n, isComplex: true, complexRe: re, complexIm: im });
  }
  if (text2.endsWith("i")) {
    const f = parseGoFloat(text2.slice(0, -1));
    if (f !== void 0) return simplifyComplex({ ...n, isComplex: true, complexRe: 0, complexIm: f });
  }
  const u = parseGoInt(text2, true);
  if (u !== void 0) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseGoInt(text2, false);
  if (i !== void 0) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseGoFloat(text2);
    if (f !== void 0 && isFinite(f)) {
      if (!/[.eEpP]/.test(text2)) throw new Error(`integer overflow: ${quoteGo(text2)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && Math.abs(f) < 9223372036854776e3) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 18446744073709552e3) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    } else if (f !== void 0) {
      throw new Error(`strconv.ParseFloat: parsing ${quoteGo(text2)}: value out of range`);
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quoteGo(text2)}`);
  return n;
}
function simplifyComplex(n) {
  if (n.complexIm === 0) {
    n.isFloat = true;
    n.float64 = n.complexRe;
    if (Number.isInteger(n.float64) && Math.abs(n.float64) < 92e17) {
      n.isInt = true;
      n.int64 = BigInt(n.float64);
    }
    if (Number.isInteger(n.float64) && n.float64 >= 0 && n.float64 < 18e18) {
      n.isUint = true;
      n.uint64 = BigInt(n.float64);
    }
  }
  return n;
}
function itemString(i) {
  if (i.t === 8 /* EOF */) return "EOF";
  if (i.t === 0 /* Error */) return i.val;
  if (i.t > 22 /* Keyword */) return `<${i.val}>`;
  const cps = [...i.val];
  if (cps.length > 10) return quoteGo(cps.slice(0, 10).join("")) + "...";
  return quoteGo(i.val);
}
function isEmptyTree(n) {
  if (!n) return true;
  switch (n.k) {
    case "comment":
      return true;
    case "list":
      return n.nodes.every(isEmptyTree);
    case "text":
      return n.text.trim() === "" && !/[^\t\n\v\f\r \u0085\u00a0]/.test(n.text) ? true : /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(n.text);
    default:
      return false;
  }
}
function parseTemplate(name2, text2, left, right, hasFunc) {
  const items = lex(text2, left || "{{", right || "}}", !hasFunc("break"), !hasFunc("continue"));
  const treeSet = /* @__PURE__ */ new Map();
  let idx = 0;
  const tok = [items[0], items[0], items[0]];
  let peekCount = 0;
  let lastLexed = 0;
  const lexNext = () => {
    const it = items[Math.min(idx, items.length - 1)];
    lastLexed = it.line;
    if (idx < items.length) idx++;
    return it;
  };
  const next = () => {
    if (peekCount > 0) peekCount--;
    else tok[0] = lexNext();
    return tok[peekCount];
  };
  const backup = () => {
    peekCount++;
  };
  const backup2 = (t1) => {
    tok[1] = t1;
    peekCount = 2;
  };
  const backup3 = (t2, t1) => {
    tok[1] = t1;
    tok[2] = t2;
    peekCount = 3;
  };
  const peek = () => {
    if (peekCount > 0) return tok[peekCount - 1];
    peekCount = 1;
    tok[0] = lexNext();
    return tok[0];
  };
  const nextNonSpace = () => {
    let t;
    for (; ; ) {
      t = next();
      if (t.t !== 18 /* Space */) break;
    }
    return t;
  };
  const peekNonSpace = () => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  let cur = { name: name2, parseName: name2, text: text2 };
  let vars = ["$"];
  let rangeDepth = 0;
  let actionLine = 0;
  const errorf = (msg) => {
    void lastLexed;
    throw new ParseError(`template: ${name2}:${tok[0].line}: ${msg}`, name2, tok[0].line);
  };
  const unexpected = (t, context) => {
    if (t.t === 0 /* Error */) {
      let extra = "";
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${name2}:${actionLine}`;
        if (t.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      return errorf(`${itemString(t)}${extra}`);
    }
    return errorf(`unexpected ${itemString(t)} in ${context}`);
  };
  const expect = (expected, context) => {
    const t = nextNonSpace();
    if (t.t !== expected) unexpected(t, context);
    return t;
  };
  const list2 = (pos) => ({ k: "list", pos, tree: cur, nodes: [] });
  const add2 = (t) => {
    const old = treeSet.get(t.name);
    if (!old || isEmptyTree(old.root)) {
      treeSet.set(t.name, t);
      return;
    }
    if (!isEmptyTree(t.root)) errorf(`template: multiple definition of template ${quoteGo(t.name)}`);
  };
  function itemList() {
    const l = list2(peekNonSpace().pos);
    while (peekNonSpace().t !== 8 /* EOF */) {
      const n = textOrAction();
      if (n.k === "end" || n.k === "else") return [l, n];
      l.nodes.push(n);
    }
    return errorf("unexpected EOF");
  }
  function textOrAction() {
    const t = nextNonSpace();
    switch (t.t) {
      case 20 /* Text */:
        return { k: "text", pos: t.pos, tree: cur, text: t.val };
      case 11 /* LeftDelim */: {
        actionLine = t.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      case 4 /* Comment */:
        return { k: "comment", pos: t.pos, tree: cur, text: t.val };
      default:
        return unexpected(t, "input");
    }
  }
  function action() {
    const t = nextNonSpace();
    switch (t.t) {
      case 23 /* Block */:
        return blockControl();
      case 24 /* Break */:
      case 25 /* Continue */: {
        const what = t.t === 24 /* Break */ ? "break" : "continue";
        const n = nextNonSpace();
        if (n.t !== 16 /* RightDelim */) unexpected(n, `{{${what}}}`);
        if (rangeDepth === 0) errorf(`{{${what}}} outside {{range}}`);
        return { k: what, pos: t.pos, tree: cur, line: t.line };
      }
      case 28 /* Else */: {
        const p = peekNonSpace();
        if (p.t === 30 /* If */) return { k: "else", pos: p.pos, tree: cur, line: p.line };
        const r = expect(16 /* RightDelim */, "else");
        return { k: "else", pos: r.pos, tree: cur, line: r.line };
      }
      case 29 /* End */:
        return { k: "end", pos: expect(16 /* RightDelim */, "end").pos, tree: cur };
      case 30 /* If */:
        return control("if", true);
      case 32 /* Range */:
        return control("range", false);
      case 33 /* Template */:
        return templateControl();
      case 34 /* With */:
        return control("with", false);
    }
    backup();
    const tk = peek();
    return { k: "action", pos: tk.pos, tree: cur, line: tk.line, pipe: pipeline("command", 16 /* RightDelim */) };
  }
  function control(context, allowElseIf) {
    const mark = vars.length;
    try {
      const pipe = pipeline(context, 16 /* RightDelim */);
      if (context === "range") rangeDepth++;
      let [l, nx] = itemList();
      if (context === "range") rangeDepth--;
      let elseList = null;
      if (nx.k === "else") {
        let done = false;
        if (allowElseIf && peek().t === 30 /* If */) {
          next();
          elseList = list2(nx.pos);
          elseList.nodes.push(control("if", true));
          done = true;
        }
        if (!done) {
          [elseList, nx] = itemList();
          if (nx.k !== "end") errorf(`expected end; found ${nodeString(nx)}`);
        }
      }
      return { k: context, pos: pipe.pos, tree: cur, line: pipe.line, pipe, list: l, elseList };
    } finally {
      vars.length = mark;
    }
  }
  function parseTemplateName(t, context) {
    if (t.t === 19 /* String */ || t.t === 15 /* RawString */) {
      try {
        return unquote(t.val);
      } catch (e) {
        return errorf(e.message);
      }
    }
    return unexpected(t, context);
  }
  function templateControl() {
    const context = "template clause";
    const t = nextNonSpace();
    const nm = parseTemplateName(t, context);
    let pipe = null;
    if (nextNonSpace().t !== 16 /* RightDelim */) {
      backup();
      pipe = pipeline(context, 16 /* RightDelim */);
    }
    return { k: "template", pos: t.pos, tree: cur, line: t.line, name: nm, pipe };
  }
  function blockControl() {
    const context = "block clause";
    const t = nextNonSpace();
    const nm = parseTemplateName(t, context);
    const pipe = pipeline(context, 16 /* RightDelim */);
    const saved = { cur, vars, rangeDepth };
    cur = { name: nm, parseName: name2, text: text2 };
    vars = ["$"];
    rangeDepth = 0;
    const [root, end] = itemList();
    if (end.k !== "end") errorf(`unexpected ${nodeString(end)} in ${context}`);
    add2({ name: nm, root, ref: cur });
    ({ cur, vars, rangeDepth } = saved);
    return { k: "template", pos: t.pos, tree: cur, line: t.line, name: nm, pipe };
  }
  function parseDefinition() {
    const context = "define clause";
    const t = nextNonSpace();
    if (t.t !== 19 /* String */ && t.t !== 15 /* RawString */) unexpected(t, context);
    let nm;
    try {
      nm = unquote(t.val);
    } catch (e) {
      return errorf(e.message);
    }
    cur = { name: nm, parseName: name2, text: text2 };
    vars = ["$"];
    rangeDepth = 0;
    expect(16 /* RightDelim */, context);
    const [root, end] = itemList();
    if (end.k !== "end") errorf(`unexpected ${nodeString(end)} in ${context}`);
    add2({ name: nm, root, ref: cur });
  }
  function pipeline(context, end) {
    const t0 = peekNonSpace();
    const pipe = { k: "pipe", pos: t0.pos, tree: cur, line: t0.line, isAssign: false, decl: [], cmds: [] };
    decls: for (; ; ) {
      const v = peekNonSpace();
      if (v.t === 21 /* Variable */) {
        next();
        const after = peek();
        const nx = peekNonSpace();
        if (nx.t === 6 /* Assign */ || nx.t === 7 /* Declare */) {
          pipe.isAssign = nx.t === 6 /* Assign */;
          nextNonSpace();
          pipe.decl.push({ k: "variable", pos: v.pos, tree: cur, ident: v.val.split(".") });
          vars.push(v.val);
        } else if (nx.t === 2 /* Char */ && nx.val === ",") {
          nextNonSpace();
          pipe.decl.push({ k: "variable", pos: v.pos, tree: cur, ident: v.val.split(".") });
          vars.push(v.val);
          if (context === "range" && pipe.decl.length < 2) {
            const p = peekNonSpace().t;
            if (p === 21 /* Variable */ || p === 16 /* RightDelim */ || p === 17 /* RightParen */) continue decls;
            errorf("range can only initialize variables");
          }
          errorf(`too many declarations in ${context}`);
        } else if (after.t === 18 /* Space */) {
          backup3(v, after);
        } else {
          backup2(v);
        }
      }
      break;
    }
    for (; ; ) {
      const t = nextNonSpace();
      if (t.t === end) {
        if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
        for (let i = 1; i < pipe.cmds.length; i++) {
          const a0 = pipe.cmds[i].args[0];
          if (a0.k === "bool" || a0.k === "dot" || a0.k === "nil" || a0.k === "number" || a0.k === "string") {
            errorf(`non executable command in pipeline stage ${i + 1}`);
          }
        }
        return pipe;
      }
      switch (t.t) {
        case 1 /* Bool */:
        case 3 /* CharConstant */:
        case 5 /* Complex */:
        case 26 /* Dot */:
        case 9 /* Field */:
        case 10 /* Identifier */:
        case 13 /* Number */:
        case 31 /* Nil */:
        case 15 /* RawString */:
        case 19 /* String */:
        case 21 /* Variable */:
        case 12 /* LeftParen */:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  }
  function command() {
    const cmd = { k: "command", pos: peekNonSpace().pos, tree: cur, args: [] };
    for (; ; ) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.t === 18 /* Space */) continue;
      if (t.t === 16 /* RightDelim */ || t.t === 17 /* RightParen */) backup();
      else if (t.t !== 14 /* Pipe */) unexpected(t, "operand");
      break;
    }
    if (cmd.args.length === 0) errorf("empty command");
    return cmd;
  }
  function operand() {
    let node = term();
    if (!node) return null;
    if (peek().t === 9 /* Field */) {
      const chainPos = peek().pos;
      const fields = [];
      while (peek().t === 9 /* Field */) fields.push(next().val.slice(1));
      switch (node.k) {
        case "field":
          node = { k: "field", pos: chainPos, tree: cur, ident: [...node.ident, ...fields] };
          break;
        case "variable":
          node = { k: "variable", pos: chainPos, tree: cur, ident: [...node.ident, ...fields] };
          break;
        case "bool":
        case "string":
        case "number":
        case "nil":
        case "dot":
          errorf(`unexpected . after term ${quoteGo(nodeString(node))}`);
          break;
        default:
          node = { k: "chain", pos: chainPos, tree: cur, node, field: fields };
      }
    }
    return node;
  }
  function term() {
    const t = nextNonSpace();
    switch (t.t) {
      case 10 /* Identifier */:
        if (!hasFunc(t.val)) errorf(`function ${quoteGo(t.val)} not defined`);
        return { k: "identifier", pos: t.pos, tree: cur, ident: t.val };
      case 26 /* Dot */:
        return { k: "dot", pos: t.pos, tree: cur };
      case 31 /* Nil */:
        return { k: "nil", pos: t.pos, tree: cur };
      case 21 /* Variable */: {
        const ident = t.val.split(".");
        if (!vars.includes(ident[0])) errorf(`undefined variable ${quoteGo(ident[0])}`);
        return { k: "variable", pos: t.pos, tree: cur, ident };
      }
      case 9 /* Field */:
        return { k: "field", pos: t.pos, tree: cur, ident: t.val.slice(1).split(".") };
      case 1 /* Bool */:
        return { k: "bool", pos: t.pos, tree: cur, val: t.val === "true" };
      case 3 /* CharConstant */:
      case 5 /* Complex */:
      case 13 /* Number */: {
        try {
          return { ...newNumber(t.val, t.t), pos: t.pos, tree: cur };
        } catch (e) {
          return errorf(e.message);
        }
      }
      case 12 /* LeftParen */:
        return pipeline("parenthesized pipeline", 17 /* RightParen */);
      case 19 /* String */:
      case 15 /* RawString */: {
        let s;
        try {
          s = unquote(t.val);
        } catch (e) {
          return errorf(e.message);
        }
        return { k: "string", pos: t.pos, tree: cur, quoted: t.val, text: s };
      }
    }
    backup();
    return null;
  }
  const top = { name: name2, root: list2(peek().pos), ref: cur };
  const topRef = cur;
  while (peek().t !== 8 /* EOF */) {
    if (peek().t === 11 /* LeftDelim */) {
      const delim = next();
      if (nextNonSpace().t === 27 /* Define */) {
        parseDefinition();
        cur = topRef;
        vars = ["$"];
        rangeDepth = 0;
        continue;
      }
      backup2(delim);
    }
    const n = textOrAction();
    if (n.k === "end" || n.k === "else") errorf(`unexpected ${nodeString(n)}`);
    top.root.nodes.push(n);
  }
  add2(top);
  return treeSet;
}

// packages/gotemplate/src/exec.ts
var TemplateError = class extends Error {
  templateName;
  line;
  column;
  constructor(message, templateName, line, column) {
    super(message);
    this.name = "TemplateError";
    this.templateName = templateName;
    this.line = line;
    this.column = column;
  }
};
var FuncError = class extends Error {
};
var MISSING = /* @__PURE__ */ Symbol("missing");
var BREAK = { brk: true };
var CONTINUE = { cont: true };
var PARAM_NAME = {
  any: "interface {}",
  rv: "reflect.Value",
  string: "string",
  int: "int",
  int64: "int64",
  float64: "float64",
  bool: "bool",
  uint32: "uint32",
  "[]any": "[]interface {}",
  "[]string": "[]string",
  map: "map[string]interface {}",
  time: "time.Time",
  bytes: "[]uint8"
};
function canBeNil(t) {
  return t === "any" || t === "rv" || t === "[]any" || t === "[]string" || t === "map" || t === "bytes";
}
function zeroOf(t) {
  switch (t) {
    case "rv":
      return void 0;
    default:
      return null;
  }
}
function assignable(v, t) {
  switch (t) {
    case "any":
    case "rv":
      return true;
    case "string":
      return typeof v === "string";
    case "int":
      return v instanceof GoInt && v.t === "int";
    case "uint32":
      return v instanceof GoInt && v.t === "uint32";
    case "int64":
      return typeof v === "bigint";
    case "float64":
      return typeof v === "number";
    case "bool":
      return typeof v === "boolean";
    case "[]any":
      return Array.isArray(v) && !v[GO_TYPE];
    case "[]string":
      return Array.isArray(v) && v[GO_TYPE] === "[]string";
    case "map":
      return isGoMap(v) && (!v[GO_TYPE] || v[GO_TYPE] === "chartutil.Values");
    case "time":
      return v instanceof GoTime;
    case "bytes":
      return v instanceof Uint8Array;
  }
}
var State = class {
  constructor(set2, tmplName, tree, dot, depth = 0) {
    this.set = set2;
    this.tmplName = tmplName;
    this.tree = tree;
    this.vars = [{ name: "$", v: dot, iface: false }];
    this.depth = depth;
  }
  set;
  tmplName;
  tree;
  out = "";
  node = null;
  vars;
  depth;
  errorf(msg) {
    const name2 = this.tmplName;
    if (!this.node) throw new TemplateError(`template: ${name2}: ${msg}`, name2);
    const n = this.node;
    const text2 = n.tree.text;
    const pos = n.pos;
    const lastNL = text2.lastIndexOf("\n", pos - 1);
    const before = pos === 0 ? "" : text2.slice(0, pos);
    let line = 1;
    for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) line++;
    const col = lastNL === -1 ? byteCount(text2, 0, pos) : byteCount(text2, lastNL + 1, pos);
    const ctx = nodeString(n);
    throw new TemplateError(`template: ${n.tree.parseName}:${line}:${col}: executing ${JSON.stringify(name2)} at <${ctx}>: ${msg}`, name2, line, col);
  }
  write(s) {
    this.out += s;
    if (this.out.length > this.set.options.maxOutputBytes) {
      this.node = null;
      this.errorf(`output exceeds the limit of ${this.set.options.maxOutputBytes} bytes`);
    }
  }
  // ------------------------------------------------------------ walking
  walk(dot, dotIface, node) {
    this.node = node;
    switch (node.k) {
      case "text":
        this.write(node.text);
        return;
      case "list":
        for (const n of node.nodes) this.walk(dot, dotIface, n);
        return;
      case "action": {
        const v = this.evalPipeline(dot, dotIface, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v);
        return;
      }
      case "comment":
        return;
      case "if":
      case "with": {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, dotIface, node.pipe);
        if (truth(v)) {
          if (node.k === "with") this.walk(v, false, node.list);
          else this.walk(dot, dotIface, node.list);
        } else if (node.elseList) this.walk(dot, dotIface, node.elseList);
        this.vars.length = mark;
        return;
      }
      case "range":
        this.walkRange(dot, dotIface, node);
        return;
      case "template":
        this.walkTemplate(dot, dotIface, node);
        return;
      case "break":
        throw BREAK;
      case "continue":
        throw CONTINUE;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }
  printValue(n, v) {
    this.node = n;
    if (typeof v === "string") {
      this.write(v);
      return;
    }
    if (v === void 0 || v === null) {
      this.write("<no value>");
      return;
    }
    if (typeof v === "function") this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    this.write(formatV(v));
  }
  walkRange(dot, dotIface, r) {
    this.node = r;
    const mark0 = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotIface, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl.length;
      const one2 = (index2, elem, iface) => {
        if (decl > 0) {
          const v = this.vars[this.vars.length - 1];
          v.v = elem;
          v.iface = iface;
        }
        if (decl > 1) {
          const v = this.vars[this.vars.length - 2];
          v.v = index2;
          v.iface = false;
        }
        try {
          this.walk(elem, iface, r.list);
        } catch (e) {
          if (e === CONTINUE) return true;
          if (e === BREAK) return false;
          throw e;
        } finally {
          this.vars.length = mark;
        }
        return true;
      };
      if (Array.isArray(val)) {
        if (val.length > 0) {
          const iface = !val[GO_TYPE];
          for (let i = 0; i < val.length; i++) if (!one2(new GoInt(BigInt(i)), val[i], iface)) break;
          return;
        }
      } else if (val instanceof Uint8Array) {
        if (val.length > 0) {
          for (let i = 0; i < val.length; i++) if (!one2(new GoInt(BigInt(i)), new GoInt(BigInt(val[i]), "uint8"), false)) break;
          return;
        }
      } else if (isGoMap(val)) {
        const keys = sortedKeys(val);
        if (keys.length > 0) {
          const t = val[GO_TYPE];
          const iface = !t || t === "chartutil.Values" || t.endsWith("interface {}");
          for (const k of keys) if (!one2(k, val[k], iface)) break;
          return;
        }
      } else if (val !== void 0 && val !== null) {
        this.errorf(`range can't iterate over ${formatV(val)}`);
      }
      if (r.elseList) this.walk(dot, dotIface, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.vars.length = mark0;
    }
  }
  walkTemplate(dot, dotIface, t) {
    this.node = t;
    const tmpl = this.set.lookup(t.name);
    if (!tmpl) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= this.set.options.maxTemplateDepth) this.errorf(`exceeded maximum template depth (${this.set.options.maxTemplateDepth})`);
    const newDot = t.pipe ? this.evalPipeline(dot, dotIface, t.pipe) : void 0;
    const saved = { name: this.tmplName, tree: this.tree, vars: this.vars };
    this.tmplName = t.name;
    this.tree = tmpl;
    this.vars = [{ name: "$", v: newDot, iface: false }];
    this.depth++;
    try {
      this.walk(newDot, false, tmpl.root);
    } finally {
      this.depth--;
      this.tmplName = saved.name;
      this.tree = saved.tree;
      this.vars = saved.vars;
    }
  }
  // ------------------------------------------------------------ evaluation
  evalPipeline(dot, dotIface, pipe) {
    if (!pipe) return void 0;
    this.node = pipe;
    let value2 = MISSING;
    for (const cmd of pipe.cmds) {
      value2 = this.evalCommand(dot, dotIface, cmd, value2);
      if (value2 === null) value2 = void 0;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value2);
      else this.vars.push({ name: v.ident[0], v: value2, iface: false });
    }
    return value2;
  }
  setVar(name2, value2) {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name2) {
        this.vars[i].v = value2;
        this.vars[i].iface = false;
        return;
      }
    }
    this.errorf(`undefined variable: ${name2}`);
  }
  varValue(name2) {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name2) return this.vars[i];
    return this.errorf(`undefined variable: ${name2}`);
  }
  notAFunction(args, final) {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }
  evalCommand(dot, dotIface, cmd, final) {
    const first = cmd.args[0];
    switch (first.k) {
      case "field":
        return this.evalFieldNode(dot, dotIface, first, cmd.args, final);
      case "chain":
        return this.evalChainNode(dot, dotIface, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, dotIface, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, dotIface, first);
      case "variable":
        return this.evalVariableNode(dot, dotIface, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.k) {
      case "bool":
        return first.val;
      case "dot":
        return dot;
      case "nil":
        this.errorf("nil is not a command");
      // eslint-disable-next-line no-fallthrough
      case "number":
        return this.idealConstant(first);
      case "string":
        return first.text;
    }
    return this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }
  idealConstant(c) {
    this.node = c;
    const t = c.text;
    if (c.isComplex) this.errorf(`complex numbers are not supported: ${t}`);
    const isHex = t.length > 2 && t[0] === "0" && (t[1] === "x" || t[1] === "X") && !/[pP]/.test(t);
    if (c.isFloat && !isHex && t[0] !== "'" && /[.eEpP]/.test(t)) return c.float64;
    if (c.isInt) return new GoInt(c.int64);
    if (c.isUint) this.errorf(`${t} overflows int`);
    return void 0;
  }
  evalFieldNode(dot, dotIface, field, args, final) {
    this.node = field;
    return this.evalFieldChain(dot, dot, dotIface, field, field.ident, args, final);
  }
  evalChainNode(dot, dotIface, chain, args, final) {
    this.node = chain;
    if (chain.node.k === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, dotIface, null, chain.node);
    return this.evalFieldChain(dot, pipe, false, chain, chain.field, args, final);
  }
  evalVariableNode(dot, dotIface, v, args, final) {
    this.node = v;
    const vr = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return vr.v;
    }
    return this.evalFieldChain(dot, vr.v, vr.iface, v, v.ident.slice(1), args, final);
  }
  recvIface = false;
  evalFieldChain(dot, receiver, recvIface, node, ident, args, final) {
    const n = ident.length;
    let r = receiver;
    let ri = recvIface;
    for (let i = 0; i < n - 1; i++) {
      r = this.evalField(dot, ident[i], node, null, MISSING, r, ri);
      ri = this.recvIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, r, ri);
  }
  evalField(dot, fieldName, node, args, final, receiver, recvIface) {
    this.recvIface = false;
    if (receiver === void 0) {
      if (this.set.options.missingKey === "error") this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return void 0;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = args !== null && args.length > 1 || final !== MISSING;
    if (typeof receiver === "object") {
      const methods = receiver[GO_METHODS];
      const m = methods?.[fieldName] ?? (receiver instanceof GoStruct ? receiver.methods()[fieldName] : void 0);
      if (m) return this.evalCall(dot, false, toEntry(m), false, node, fieldName, args, final);
      if (receiver instanceof GoStruct) {
        const f = receiver.field(fieldName);
        if (f.ok) {
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          return f.value;
        }
      } else if (isGoMap(receiver)) {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        const t = receiver[GO_TYPE];
        if (Object.prototype.hasOwnProperty.call(receiver, fieldName)) {
          this.recvIface = !t || t === "chartutil.Values" || t.endsWith("interface {}");
          const v = receiver[fieldName];
          return v === void 0 ? null : v;
        }
        switch (this.set.options.missingKey) {
          case "default":
            return void 0;
          case "zero":
            this.recvIface = !t || t === "chartutil.Values" || t.endsWith("interface {}");
            return t === "map[string]string" ? "" : null;
          case "error":
            this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
        }
      }
    }
    const tn = recvIface ? "interface {}" : typeName(receiver);
    return this.errorf(`can't evaluate field ${fieldName} in type ${tn}`);
  }
  evalFunction(dot, dotIface, node, cmd, args, final) {
    this.node = node;
    const f = this.set.func(node.ident);
    if (!f) this.errorf(`${JSON.stringify(node.ident)} is not a defined function`);
    return this.evalCall(dot, dotIface, f, !!f.builtin, cmd, node.ident, args, final);
  }
  evalCall(dot, dotIface, fn, isBuiltin, node, name2, args, final) {
    const a = args ? args.slice(1) : [];
    const params = fn.params ?? [];
    let numIn = a.length;
    if (final !== MISSING) numIn++;
    let numFixed = a.length;
    if (fn.variadic) {
      numFixed = params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name2}: want at least ${params.length} got ${a.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name2}: want ${params.length} got ${numIn}`);
    }
    if (isBuiltin && (name2 === "and" || name2 === "or")) {
      let v;
      for (const arg of a) {
        v = this.evalArg(dot, dotIface, "rv", arg);
        if (truth(v) === (name2 === "or")) return v;
      }
      if (final !== MISSING) v = this.validateType(final, "rv");
      return v;
    }
    const argv = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < a.length; i++) argv[i] = this.evalArg(dot, dotIface, params[i], a[i]);
    if (fn.variadic) for (; i < a.length; i++) argv[i] = this.evalArg(dot, dotIface, fn.variadic, a[i]);
    if (final !== MISSING) {
      let t;
      if (fn.variadic) t = numIn - 1 < numFixed ? params[numIn - 1] : fn.variadic;
      else t = params[params.length - 1];
      argv[i] = this.validateType(final, t);
    }
    try {
      const r = fn.fn.apply(null, argv);
      return r;
    } catch (e) {
      if (e === BREAK || e === CONTINUE) throw e;
      this.node = node;
      if (e instanceof RangeError && /call stack/.test(e.message)) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      return this.errorf(`error calling ${name2}: ${msg}`);
    }
  }
  validateType(value2, t) {
    if (value2 === void 0) {
      if (t === null) return void 0;
      if (canBeNil(t)) return zeroOf(t);
      this.errorf(`invalid value; expected ${PARAM_NAME[t]}`);
    }
    if (t === null || t === "any" || t === "rv") return value2;
    if (assignable(value2, t)) return value2;
    if (value2 === null) this.errorf(`wrong type for value; expected ${PARAM_NAME[t]}; got interface {}`);
    return this.errorf(`wrong type for value; expected ${PARAM_NAME[t]}; got ${typeName(value2)}`);
  }
  evalArg(dot, dotIface, t, n) {
    this.node = n;
    switch (n.k) {
      case "dot":
        return this.validateType(dot, t);
      case "nil":
        if (t !== null && canBeNil(t)) return zeroOf(t);
        return this.errorf(`cannot assign nil to ${t === null ? "interface {}" : PARAM_NAME[t]}`);
      case "field":
        return this.validateType(this.evalFieldNode(dot, dotIface, n, [n], MISSING), t);
      case "variable":
        return this.validateType(this.evalVariableNode(dot, dotIface, n, null, MISSING), t);
      case "pipe":
        return this.validateType(this.evalPipeline(dot, dotIface, n), t);
      case "identifier":
        return this.validateType(this.evalFunction(dot, dotIface, n, n, null, MISSING), t);
      case "chain":
        return this.validateType(this.evalChainNode(dot, dotIface, n, null, MISSING), t);
    }
    switch (t) {
      case "bool":
        if (n.k === "bool") return n.val;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case "float64":
        if (n.k === "number" && n.isFloat) return n.float64;
        return this.errorf(`expected float; found ${nodeString(n)}`);
      case "int":
      case "int64":
        if (n.k === "number" && n.isInt) return t === "int" ? new GoInt(n.int64) : n.int64;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case "uint32":
        if (n.k === "number" && n.isUint) return new GoInt(n.uint64, "uint32");
        return this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
      case "any":
      case "rv":
      case null:
        return this.evalEmptyInterface(dot, dotIface, n);
      case "string":
        if (n.k === "string") return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${PARAM_NAME[t]}`);
  }
  evalEmptyInterface(dot, dotIface, n) {
    this.node = n;
    switch (n.k) {
      case "bool":
        return n.val;
      case "dot":
        return dot;
      case "field":
        return this.evalFieldNode(dot, dotIface, n, null, MISSING);
      case "identifier":
        return this.evalFunction(dot, dotIface, n, n, null, MISSING);
      case "number":
        return this.idealConstant(n);
      case "string":
        return n.text;
      case "variable":
        return this.evalVariableNode(dot, dotIface, n, null, MISSING);
      case "pipe":
        return this.evalPipeline(dot, dotIface, n);
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }
};
function byteCount(s, a, b) {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    n += c < 128 ? 1 : c < 2048 ? 2 : c >= 55296 && c <= 56319 ? (i++, 4) : 3;
  }
  return n;
}
function toEntry(f) {
  if (typeof f === "function") return { fn: f, variadic: "any", params: [] };
  return f;
}

// packages/gotemplate/src/builtins.ts
function basicKind(v) {
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return "float";
    case "bigint":
      return "int";
    case "string":
      return "string";
    case "undefined":
      return "invalid";
  }
  if (v === null) return "invalid";
  if (v instanceof GoInt) return v.t.startsWith("u") ? "uint" : "int";
  return "other";
}
function num(v) {
  return typeof v === "bigint" ? v : v.v;
}
var errBadComparisonType = "invalid type for comparison";
var errBadComparison = "incompatible types for comparison";
var errNoComparison = "missing argument for comparison";
function isComparableType(v) {
  return !(Array.isArray(v) || v instanceof Uint8Array || isGoMap(v) || typeof v === "function");
}
function eq(arg1, ...arg2) {
  if (arg1 === null) arg1 = void 0;
  if (arg2.length === 0) throw new Error(errNoComparison);
  const k1 = basicKind(arg1);
  for (let a of arg2) {
    if (a === null) a = void 0;
    const k2 = basicKind(a);
    let t = false;
    if (k1 !== k2) {
      if (k1 === "int" && k2 === "uint") t = num(arg1) >= 0n && num(arg1) === num(a);
      else if (k1 === "uint" && k2 === "int") t = num(a) >= 0n && num(arg1) === num(a);
      else if (arg1 !== void 0 && a !== void 0) throw new Error(errBadComparison);
    } else {
      switch (k1) {
        case "bool":
        case "float":
        case "string":
          t = arg1 === a;
          break;
        case "int":
        case "uint":
          t = num(arg1) === num(a);
          break;
        default: {
          const n1 = arg1 === void 0, n2 = a === void 0;
          if (!n1 && !n2 && typeName(arg1) !== typeName(a)) {
            throw new Error(`non-comparable types ${sprintf("%s", [arg1])}: ${typeName(arg1)}, ${typeName(a)}: ${sprintf("%v", [a])}`);
          }
          if (n1 || n2) t = n1 === n2;
          else {
            if (!isComparableType(a)) throw new Error(`non-comparable type ${sprintf("%s", [a])}: ${typeName(a)}`);
            t = arg1 === a;
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}
function lt(a1, a2) {
  if (a1 === null) a1 = void 0;
  if (a2 === null) a2 = void 0;
  const k1 = basicKind(a1);
  if (k1 === "invalid" || k1 === "other") throw new Error(errBadComparisonType);
  const k2 = basicKind(a2);
  if (k2 === "invalid" || k2 === "other") throw new Error(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === "int" && k2 === "uint") return num(a1) < 0n || num(a1) < num(a2);
    if (k1 === "uint" && k2 === "int") return num(a2) >= 0n && num(a1) < num(a2);
    throw new Error(errBadComparison);
  }
  switch (k1) {
    case "bool":
    case "complex":
      throw new Error(errBadComparisonType);
    case "float":
      return a1 < a2;
    case "int":
    case "uint":
      return num(a1) < num(a2);
    case "string":
      return Buffer.compare(Buffer.from(a1), Buffer.from(a2)) < 0;
  }
  throw new Error("invalid kind");
}
function le(a1, a2) {
  return lt(a1, a2) || eq(a1, a2);
}
function indexArg(idx, cap) {
  let x;
  if (typeof idx === "bigint" || idx instanceof GoInt) x = num(idx);
  else if (idx === void 0 || idx === null) throw new Error("cannot index slice/array with nil");
  else throw new Error(`cannot index slice/array with type ${typeName(idx)}`);
  if (x < 0n || x > BigInt(cap)) throw new Error(`index out of range: ${x}`);
  return Number(x);
}
function index(item, ...indexes) {
  if (item === null) item = void 0;
  if (item === void 0) throw new Error("index of untyped nil");
  for (let ix of indexes) {
    if (ix === null) ix = void 0;
    if (item === null) throw new Error("index of nil pointer");
    if (item === void 0) throw new Error("index of untyped nil");
    if (Array.isArray(item)) {
      const x = indexArg(ix, item.length);
      if (x === item.length) throw new Error("reflect: slice index out of range");
      const v = item[x];
      item = v === void 0 ? null : v;
    } else if (typeof item === "string" || item instanceof Uint8Array) {
      const b = typeof item === "string" ? toBytes(item) : item;
      const x = indexArg(ix, b.length);
      if (x === b.length) throw new Error(typeof item === "string" ? "reflect: string index out of range" : "reflect: slice index out of range");
      item = new GoInt(BigInt(b[x]), "uint8");
    } else if (isGoMap(item)) {
      if (ix === void 0) throw new Error("value is nil; should be of type string");
      if (typeof ix !== "string") throw new Error(`value has type ${typeName(ix)}; should be string`);
      const m = item;
      if (Object.prototype.hasOwnProperty.call(m, ix)) {
        const v = m[ix];
        item = v === void 0 ? null : v;
      } else item = m[GO_TYPE] === "map[string]string" ? "" : null;
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}
function length(item) {
  if (item === null) throw new Error("len of nil pointer");
  if (item === void 0) throw new Error("reflect: call of reflect.Value.Type on zero Value");
  if (typeof item === "string") return new GoInt(BigInt(byteLen(item)));
  if (Array.isArray(item) || item instanceof Uint8Array) return new GoInt(BigInt(item.length));
  if (isGoMap(item)) return new GoInt(BigInt(Object.keys(item).length));
  throw new Error(`len of type ${typeName(item)}`);
}
function evalArgs(args) {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return sprint(args.map((a) => a === void 0 || a === null ? "<no value>" : a));
}
function htmlEscape(s) {
  return s.replace(/[<>&'"\x00]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&#34;", "\0": "\uFFFD" })[c]);
}
function jsEscape(s) {
  let out = "";
  for (const ch of s) {
    const cp2 = ch.codePointAt(0);
    switch (ch) {
      case "\\":
        out += "\\\\";
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case "<":
        out += "\\u003C";
        continue;
      case ">":
        out += "\\u003E";
        continue;
      case "&":
        out += "\\u0026";
        continue;
      case "=":
        out += "\\u003D";
        continue;
    }
    if (cp2 < 32) {
      out += "\\u00" + cp2.toString(16).toUpperCase().padStart(2, "0");
      continue;
    }
    if (cp2 < 128) {
      out += ch;
      continue;
    }
    if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch) || cp2 === 32) out += ch;
    else out += "\\u" + cp2.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}
function queryEscape(s) {
  let out = "";
  for (const b of toBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}
function builtinFuncs() {
  const rv = "rv";
  return {
    and: { builtin: "and", params: [rv], variadic: rv, fn: () => void 0 },
    or: { builtin: "or", params: [rv], variadic: rv, fn: () => void 0 },
    not: { builtin: "not", params: [rv], fn: (a) => !truth(a) },
    len: { builtin: "len", params: [rv], fn: length },
    index: { builtin: "index", params: [rv], variadic: rv, fn: index },
    print: { builtin: "print", params: [], variadic: "any", fn: (...a) => sprint(a) },
    printf: { builtin: "printf", params: ["string"], variadic: "any", fn: (f, ...a) => sprintf(f, a) },
    println: { builtin: "println", params: [], variadic: "any", fn: (...a) => sprintln(a) },
    html: { builtin: "html", params: [], variadic: "any", fn: (...a) => htmlEscape(evalArgs(a)) },
    js: { builtin: "js", params: [], variadic: "any", fn: (...a) => jsEscape(evalArgs(a)) },
    urlquery: { builtin: "urlquery", params: [], variadic: "any", fn: (...a) => queryEscape(evalArgs(a)) },
    call: {
      builtin: "call",
      params: [rv],
      variadic: rv,
      fn: (f, ...a) => {
        if (f === void 0 || f === null) throw new Error("call of nil");
        if (typeof f !== "function") throw new Error(`non-function of type ${typeName(f)}`);
        return f(...a);
      }
    },
    eq: { builtin: "eq", params: [rv], variadic: rv, fn: eq },
    ne: { builtin: "ne", params: [rv, rv], fn: (a, b) => !eq(a, b) },
    lt: { builtin: "lt", params: [rv, rv], fn: lt },
    le: { builtin: "le", params: [rv, rv], fn: le },
    gt: { builtin: "gt", params: [rv, rv], fn: (a, b) => !le(a, b) },
    ge: { builtin: "ge", params: [rv, rv], fn: (a, b) => !lt(a, b) }
  };
}

// packages/gotemplate/src/sprig/index.ts
import { createHash as createHash3, randomBytes as randomBytes2, randomInt, randomUUID } from "node:crypto";

// packages/gotemplate/src/json.ts
var NIL_SLICE = /* @__PURE__ */ Symbol.for("werf-action.gotemplate.nilslice");
function nilSlice() {
  const a = [];
  a[NIL_SLICE] = true;
  return a;
}
function nilMap() {
  const m = {};
  Object.defineProperty(m, NIL_SLICE, { value: true });
  return m;
}
var JsonError = class extends Error {
};
function jsonString(s, escapeHTML) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92 && c < 127 && !(escapeHTML && (c === 60 || c === 62 || c === 38))) {
      out += s[i];
      continue;
    }
    switch (c) {
      case 34:
        out += '\\"';
        continue;
      case 92:
        out += "\\\\";
        continue;
      case 10:
        out += "\\n";
        continue;
      case 13:
        out += "\\r";
        continue;
      case 9:
        out += "\\t";
        continue;
    }
    if (c < 32 || c === 60 || c === 62 || c === 38) {
      out += "\\u00" + (c < 16 ? "0" : "") + c.toString(16);
      continue;
    }
    if (c === 8232 || c === 8233) {
      out += "\\u" + c.toString(16);
      continue;
    }
    if (c >= 55296 && c <= 57343) {
      const cp2 = s.codePointAt(i);
      if (cp2 > 65535) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
      out += "\uFFFD";
      continue;
    }
    out += s[i];
  }
  return out + '"';
}
function jsonFloat(f) {
  if (!isFinite(f)) throw new JsonError(`json: unsupported value: ${f !== f ? "NaN" : f > 0 ? "+Inf" : "-Inf"}`);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  return String(f);
}
function marshalJSON(v, escapeHTML = true, indent = "") {
  const parts = [];
  enc(v, "");
  return parts.join("");
  function enc(x, pre) {
    switch (typeof x) {
      case "string":
        parts.push(jsonString(x, escapeHTML));
        return;
      case "number":
        parts.push(jsonFloat(x));
        return;
      case "bigint":
        parts.push(x.toString());
        return;
      case "boolean":
        parts.push(x ? "true" : "false");
        return;
      case "undefined":
        parts.push("null");
        return;
      case "function":
        throw new JsonError(`json: unsupported type: ${typeName(x)}`);
    }
    if (x === null) {
      parts.push("null");
      return;
    }
    if (x instanceof GoInt) {
      parts.push(x.v.toString());
      return;
    }
    if (x instanceof Uint8Array) {
      parts.push('"' + Buffer.from(x).toString("base64") + '"');
      return;
    }
    if (x instanceof GoTime) {
      parts.push('"' + formatTime(x, "2006-01-02T15:04:05.999999999Z07:00") + '"');
      return;
    }
    if (x instanceof GoStruct) {
      const j = x.toJSONValue?.();
      if (j !== void 0) {
        enc(j, pre);
        return;
      }
      parts.push("{}");
      return;
    }
    if (Array.isArray(x)) {
      if (x[NIL_SLICE]) {
        parts.push("null");
        return;
      }
      if (x.length === 0) {
        parts.push("[]");
        return;
      }
      parts.push("[");
      const inner = pre + indent;
      x.forEach((e, i) => {
        if (i) parts.push(",");
        if (indent) parts.push("\n" + inner);
        enc(e, inner);
      });
      if (indent) parts.push("\n" + pre);
      parts.push("]");
      return;
    }
    if (isGoMap(x)) {
      if (x[NIL_SLICE] && Object.keys(x).length === 0) {
        parts.push("null");
        return;
      }
      const keys = sortedKeys(x);
      if (keys.length === 0) {
        parts.push("{}");
        return;
      }
      parts.push("{");
      const inner = pre + indent;
      keys.forEach((k, i) => {
        if (i) parts.push(",");
        if (indent) parts.push("\n" + inner);
        parts.push(jsonString(k, escapeHTML) + (indent ? ": " : ":"));
        enc(x[k], inner);
      });
      if (indent) parts.push("\n" + pre);
      parts.push("}");
      return;
    }
    throw new JsonError(`json: unsupported type: ${typeName(x)}`);
  }
}
function unmarshalJSON(s) {
  let i = 0;
  const n = s.length;
  const ws = () => {
    while (i < n && (s[i] === " " || s[i] === "	" || s[i] === "\n" || s[i] === "\r")) i++;
  };
  const err2 = (what) => {
    if (i >= n) throw new JsonError("unexpected end of JSON input");
    throw new JsonError(`invalid character ${quoteChar(s[i])} ${what}`);
  };
  const value2 = () => {
    ws();
    if (i >= n) throw new JsonError("unexpected end of JSON input");
    const c = s[i];
    if (c === "{") {
      i++;
      const m2 = {};
      ws();
      if (s[i] === "}") {
        i++;
        return m2;
      }
      for (; ; ) {
        ws();
        if (s[i] !== '"') err2("looking for beginning of object key string");
        const k = str4();
        ws();
        if (s[i] !== ":") err2("after object key");
        i++;
        const v2 = value2();
        if (k === "__proto__") Object.defineProperty(m2, k, { value: v2, enumerable: true, writable: true, configurable: true });
        else m2[k] = v2;
        ws();
        if (s[i] === ",") {
          i++;
          continue;
        }
        if (s[i] === "}") {
          i++;
          return m2;
        }
        err2("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      const a = [];
      ws();
      if (s[i] === "]") {
        i++;
        return a;
      }
      for (; ; ) {
        a.push(value2());
        ws();
        if (s[i] === ",") {
          i++;
          continue;
        }
        if (s[i] === "]") {
          i++;
          return a;
        }
        err2("after array element");
      }
    }
    if (c === '"') return str4();
    if (s.startsWith("true", i)) {
      i += 4;
      return true;
    }
    if (s.startsWith("false", i)) {
      i += 5;
      return false;
    }
    if (s.startsWith("null", i)) {
      i += 4;
      return null;
    }
    if (c === "-" && !(s[i + 1] >= "0" && s[i + 1] <= "9")) {
      i++;
      return err2("in numeric literal");
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (m && m[0].length) {
      const after = s[i + m[0].length];
      if (after === "." && !m[2]) {
        i += m[0].length + 1;
        return err2("after decimal point in numeric literal");
      }
      if ((after === "e" || after === "E") && !m[3]) {
        i += m[0].length + 1;
        if (s[i] === "+" || s[i] === "-") i++;
        return err2("in exponent of numeric literal");
      }
    }
    if (m && m[0].length) {
      i += m[0].length;
      return Number(m[0]);
    }
    return err2("looking for beginning of value");
  };
  const str4 = () => {
    const st = i;
    i++;
    let out = "";
    for (; ; ) {
      if (i >= n) throw new JsonError("unexpected end of JSON input");
      const c = s[i];
      if (c === '"') {
        i++;
        break;
      }
      if (c === "\\") {
        const e = s[i + 1];
        const map = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
        if (e in map) {
          out += map[e];
          i += 2;
          continue;
        }
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        i++;
        err2("in string escape code");
      }
      if (c.charCodeAt(0) < 32) err2("in string literal");
      out += c;
      i++;
    }
    void st;
    return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD");
  };
  const v = value2();
  ws();
  if (i < n) err2("after top-level value");
  return v;
}
function quoteChar(c) {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const cp2 = c.codePointAt(0);
  if (cp2 < 32) return "'" + quoteGo(c).slice(1, -1) + "'";
  return "'" + c + "'";
}

// packages/gotemplate/src/sprig/regex.ts
var cache2 = /* @__PURE__ */ new Map();
function goRegexp(re) {
  let r = cache2.get(re);
  if (r) return r;
  let src = re;
  let flags = "gu";
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    if (m[1].includes("i")) flags += "i";
    if (m[1].includes("m")) flags += "m";
    if (m[1].includes("s")) flags += "s";
  }
  src = lenient(src).replace(/\(\?P</g, "(?<").replace(/\\z/g, "$(?![\\s\\S])").replace(/\\A/g, "^(?<![\\s\\S])");
  try {
    r = new RegExp(src, flags);
  } catch (e) {
    const msg = e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
    const q2 = /^[^`\x00-\x08\x0a-\x1f\x7f]*$/.test(re) ? "`" + re + "`" : JSON.stringify(re);
    throw new Error(`regexp: Compile(${q2}): error parsing regexp: ${goMessage(msg, re)}`);
  }
  if (cache2.size > 500) cache2.clear();
  cache2.set(re, r);
  return r;
}
function lenient(src) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") {
      out += c + (src[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (src[i + 1] === "^") {
        out += "^";
        i++;
      }
      if (src[i + 1] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "{") {
      const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
      if (!m) {
        out += "\\{";
        continue;
      }
      out += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (c === "}" || c === "]") {
      out += "\\" + c;
      continue;
    }
    out += c;
  }
  return out;
}
function goMessage(js, re) {
  if (/Nothing to repeat/.test(js)) {
    const m = /(^|[(|])([*+?])/.exec(re);
    return `missing argument to repetition operator: \`${m ? m[2] : "*"}\``;
  }
  if (/Unterminated group/.test(js)) return `missing closing ): \`${re}\``;
  if (/Unmatched '\)'/.test(js)) return `unexpected ): \`${re}\``;
  if (/Unterminated character class/.test(js)) return `missing closing ]: \`${re.slice(re.lastIndexOf("["))}\``;
  if (/Range out of order/.test(js)) return `invalid character class range`;
  if (/\\ at end of pattern/.test(js)) return "trailing backslash at end of expression: ``";
  return js;
}
function regexMatch(re, s) {
  const r = goRegexp(re);
  r.lastIndex = 0;
  return r.test(s);
}
function findAll(re, s, n) {
  const r = goRegexp(re);
  const out = [];
  if (n === 0) return out;
  r.lastIndex = 0;
  let prevEnd = -1;
  for (const m of s.matchAll(r)) {
    if (m[0] === "" && m.index === prevEnd) continue;
    out.push(m[0]);
    prevEnd = m.index + m[0].length;
    if (n > 0 && out.length >= n) break;
  }
  return out;
}
function find(re, s) {
  const r = goRegexp(re);
  r.lastIndex = 0;
  const m = r.exec(s);
  return m ? m[0] : "";
}
function expand(tpl, m) {
  let out = "";
  for (let i = 0; i < tpl.length; i++) {
    const c = tpl[i];
    if (c !== "$" || i === tpl.length - 1) {
      out += c;
      continue;
    }
    if (tpl[i + 1] === "$") {
      out += "$";
      i++;
      continue;
    }
    let name2;
    let j;
    if (tpl[i + 1] === "{") {
      const e = tpl.indexOf("}", i + 2);
      if (e < 0) {
        out += c;
        continue;
      }
      name2 = tpl.slice(i + 2, e);
      if (!/^[A-Za-z0-9_]+$/.test(name2)) {
        out += c;
        continue;
      }
      j = e;
    } else {
      const mm = /^[A-Za-z0-9_]+/.exec(tpl.slice(i + 1));
      if (!mm) {
        out += c;
        continue;
      }
      name2 = mm[0];
      j = i + name2.length;
    }
    i = j;
    if (/^\d+$/.test(name2)) {
      const k = parseInt(name2, 10);
      if (k < m.length) out += m[k] ?? "";
    } else out += m.groups?.[name2] ?? "";
  }
  return out;
}
function replaceAll(re, s, repl, literal) {
  const r = goRegexp(re);
  r.lastIndex = 0;
  let out = "";
  let last = 0;
  let prevEnd = -1;
  for (const m of s.matchAll(r)) {
    const st = m.index;
    if (m[0] === "" && st === prevEnd) continue;
    out += s.slice(last, st) + (literal ? repl : expand(repl, m));
    last = st + m[0].length;
    prevEnd = last;
  }
  return out + s.slice(last);
}
function split(re, s, n) {
  if (n === 0) return [];
  const r = goRegexp(re);
  if (re.length > 0 && s.length === 0) return [""];
  r.lastIndex = 0;
  const matches = [...s.matchAll(r)].map((m) => [m.index, m.index + m[0].length]);
  const out = [];
  let beg = 0, end = 0;
  for (const [a, b] of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = a;
    if (b === 0) continue;
    out.push(s.slice(beg, end));
    beg = b;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}
function quoteMeta(s) {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

// packages/gotemplate/src/sprig/strings.ts
var isSpaceRune = (c) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
var isUpper = (c) => new RegExp("\\p{Lu}", "u").test(c);
var isLower = (c) => new RegExp("\\p{Ll}", "u").test(c);
var isTitleCase = (c) => new RegExp("\\p{Lt}", "u").test(c);
var isLetter = (c) => new RegExp("\\p{L}", "u").test(c);
var isNumber = (c) => new RegExp("\\p{N}", "u").test(c);
var isPunct = (c) => new RegExp("\\p{P}", "u").test(c);
function bytesAsRunes(s) {
  return Array.from(toBytes(s));
}
function trimSpaceGo(s) {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, "");
}
function deleteWhiteSpace(s) {
  if (s === "") return s;
  const b = bytesAsRunes(s);
  const out = [];
  for (const c of b) if (!isSpaceRune(String.fromCharCode(c))) out.push(c);
  if (out.length === b.length) return s;
  return out.map((c) => String.fromCharCode(c)).join("");
}
function initials(s) {
  if (s === "") return s;
  const b = bytesAsRunes(s);
  let out = "";
  let gap = true;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (isSpaceRune(ch)) gap = true;
    else if (gap) {
      out += ch;
      gap = false;
    }
  }
  return out;
}
function swapCaseGoutils(s) {
  if (s === "") return s;
  let ws = true;
  let out = "";
  for (const ch of s) {
    if (isUpper(ch) || isTitleCase(ch)) {
      out += ch.toLowerCase();
      ws = false;
    } else if (isLower(ch)) {
      out += ws ? toTitle(ch) : ch.toUpperCase();
      ws = false;
    } else {
      out += ch;
      ws = isSpaceRune(ch);
    }
  }
  return out;
}
function toTitle(ch) {
  const special = { "\u01C6": "\u01C5", "\u01C9": "\u01C8", "\u01CC": "\u01CB", "\u01F3": "\u01F2", "\xDF": "\xDF" };
  if (special[ch]) return special[ch];
  const u = ch.toUpperCase();
  return [...u].length === 1 ? u : ch;
}
function uncapitalize(s) {
  if (s === "") return s;
  let next = true;
  let out = "";
  for (const ch of s) {
    if (isSpaceRune(ch)) {
      next = true;
      out += ch;
    } else if (next) {
      out += lowerRune(ch);
      next = false;
    } else out += ch;
  }
  return out;
}
function lowerRune(ch) {
  const l = ch.toLowerCase();
  return [...l].length === 1 ? l : ch;
}
function upperRune(ch) {
  const u = ch.toUpperCase();
  return [...u].length === 1 ? u : ch;
}
function titleGo(s) {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    const sep = isSeparator(prev);
    out += sep ? toTitle(ch) : ch;
    prev = ch;
  }
  return out;
}
function isSeparator(r) {
  const c = r.codePointAt(0);
  if (c <= 127) {
    if (c >= 48 && c <= 57 || c >= 97 && c <= 122 || c >= 65 && c <= 90 || r === "_") return false;
    return true;
  }
  if (isLetter(r) || new RegExp("\\p{Nd}", "u").test(r)) return false;
  return isSpaceRune(r);
}
function upperGo(s) {
  let o = "";
  for (const c of s) o += upperRune(c);
  return o;
}
function lowerGo(s) {
  let o = "";
  for (const c of s) o += lowerRune(c);
  return o;
}
function abbreviateFull(str4, offset, maxWidth) {
  const b = toBytes(str4);
  const sub = (a, e) => fromBytes(b.subarray(a, e));
  const len2 = b.length;
  if (str4 === "") return "";
  if (maxWidth < 4) throw new Error("stringutils illegal argument: Minimum abbreviation width is 4");
  if (len2 <= maxWidth) return str4;
  if (offset > len2) offset = len2;
  if (len2 - offset < maxWidth - 3) offset = len2 - (maxWidth - 3);
  if (offset <= 4) return sub(0, maxWidth - 3) + "...";
  if (maxWidth < 7) throw new Error("stringutils illegal argument: Minimum abbreviation width with offset is 7");
  if (offset + maxWidth - 3 < len2) return "..." + abbreviateFull(sub(offset), 0, maxWidth - 3);
  return "..." + sub(len2 - (maxWidth - 3));
}
function wrapCustom(str4, wrapLength, newLine, wrapLong) {
  if (str4 === "") return "";
  if (newLine === "") newLine = "\n";
  if (wrapLength < 1) wrapLength = 1;
  const b = toBytes(str4);
  const sub = (a, e) => fromBytes(b.subarray(a, e));
  const len2 = b.length;
  let offset = 0;
  let out = "";
  const lastSpace = (a, e) => {
    for (let i = Math.min(e, len2) - 1; i >= a; i--) if (b[i] === 32) return i - a;
    return -1;
  };
  while (len2 - offset > wrapLength) {
    if (b[offset] === 32) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    if (end > len2) throw new Error(`runtime error: slice bounds out of range [:${end}] with length ${len2}`);
    const sp = lastSpace(offset, end) + offset;
    if (sp >= offset) {
      out += sub(offset, sp) + newLine;
      offset = sp + 1;
    } else if (wrapLong) {
      out += sub(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const e2 = wrapLength + offset;
      let idx = -1;
      for (let i = e2; i < len2; i++) if (b[i] === 32) {
        idx = i - e2;
        break;
      }
      if (idx === -1) {
        out += sub(offset);
        offset = len2;
      } else {
        const at = idx + e2;
        out += sub(offset, at) + newLine;
        offset = at + 1;
      }
    }
  }
  return out + sub(offset);
}
var isConnector = (r) => r === "-" || r === "_" || isSpaceRune(r);
function toCamelCase(str4) {
  if (str4.length === 0) return "";
  const rs = [...str4];
  let i = 0;
  let out = "";
  let r0 = "";
  let found = false;
  while (i < rs.length) {
    r0 = rs[i++];
    if (!isConnector(r0)) {
      r0 = upperRune(r0);
      found = true;
      break;
    }
    out += r0;
  }
  if (i >= rs.length) {
    if (found) out += r0;
    return out;
  }
  let r1;
  while (i < rs.length) {
    r1 = r0;
    r0 = rs[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) r0 = upperRune(r0);
    else {
      r0 = lowerRune(r0);
      out += r1;
    }
  }
  return out + r0;
}
function nextWord(rs, at) {
  if (at >= rs.length) return [0 /* invalid */, at];
  let i = at;
  const r = rs[i++];
  if (isConnector(r)) {
    while (i < rs.length && isConnector(rs[i])) i++;
    return [4 /* connector */, i];
  }
  if (isPunct(r)) {
    while (i < rs.length && isPunct(rs[i])) i++;
    return [5 /* punct */, i];
  }
  if (isUpper(r)) {
    if (i >= rs.length) return [2 /* upper */, i];
    const r2 = rs[i];
    if (isUpper(r2)) {
      i++;
      while (i < rs.length && isUpper(rs[i])) i++;
      if (i < rs.length && isLetter(rs[i])) i--;
    } else if (isLetter(r2)) {
      i++;
      while (i < rs.length && isLetter(rs[i]) && !isUpper(rs[i])) i++;
    }
    return [2 /* upper */, i];
  }
  if (isLetter(r)) {
    while (i < rs.length && isLetter(rs[i]) && !isUpper(rs[i])) i++;
    return [3 /* alphabet */, i];
  }
  if (isNumber(r)) {
    while (i < rs.length && isNumber(rs[i])) i++;
    return [1 /* number */, i];
  }
  while (i < rs.length && !(isConnector(rs[i]) || isLetter(rs[i]) || isNumber(rs[i]) || isPunct(rs[i]))) i++;
  return [6 /* other */, i];
}
function camelToLower(str4, conn) {
  if (str4.length === 0) return "";
  const rs = [...str4];
  let out = "";
  const lower = (wt2, a, b) => {
    if (wt2 !== 2 /* upper */ && wt2 !== 4 /* connector */) {
      out += rs.slice(a, b).join("");
      return;
    }
    for (let i = a; i < b; i++) {
      const r = rs[i];
      out += isConnector(r) ? conn : isUpper(r) ? lowerRune(r) : r;
    }
  };
  let s = 0;
  let [wt, e] = nextWord(rs, 0);
  while (e < rs.length) {
    if (wt !== 4 /* connector */) lower(wt, s, e);
    const prev = wt;
    const ls = s, le2 = e;
    s = e;
    [wt, e] = nextWord(rs, s);
    switch (prev) {
      case 1 /* number */:
        while (wt === 3 /* alphabet */ || wt === 1 /* number */) {
          lower(wt, s, e);
          s = e;
          [wt, e] = nextWord(rs, s);
        }
        if (wt !== 0 /* invalid */ && wt !== 5 /* punct */ && wt !== 4 /* connector */) out += conn;
        break;
      case 4 /* connector */:
        lower(prev, ls, le2);
        break;
      case 5 /* punct */:
        break;
      default: {
        if (wt !== 1 /* number */) {
          if (wt !== 4 /* connector */ && wt !== 5 /* punct */) out += conn;
          break;
        }
        if (e >= rs.length) break;
        const ns = s, ne = e;
        s = e;
        [wt, e] = nextWord(rs, s);
        if (wt !== 3 /* alphabet */) {
          lower(1 /* number */, ns, ne);
          if (wt !== 4 /* connector */ && wt !== 5 /* punct */) out += conn;
          break;
        }
        out += conn;
        lower(1 /* number */, ns, ne);
        while (wt === 3 /* alphabet */ || wt === 1 /* number */) {
          lower(wt, s, e);
          s = e;
          [wt, e] = nextWord(rs, s);
        }
        if (wt !== 0 /* invalid */ && wt !== 4 /* connector */ && wt !== 5 /* punct */) out += conn;
      }
    }
  }
  lower(wt, s, e);
  return out;
}
function pathClean(p) {
  if (p === "") return ".";
  const rooted = p[0] === "/";
  const parts = p.split("/");
  const out = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}
function pathBase(p) {
  if (p === "") return ".";
  while (p.length > 0 && p[p.length - 1] === "/") p = p.slice(0, -1);
  const i = p.lastIndexOf("/");
  if (i >= 0) p = p.slice(i + 1);
  return p === "" ? "/" : p;
}
function pathDir(p) {
  const i = p.lastIndexOf("/");
  return pathClean(p.slice(0, i + 1));
}
function pathExt(p) {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
  return "";
}

// packages/gotemplate/src/sprig/semver.ts
var semVerRe = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
var cv = String.raw`v?([0-9|xX*]+)(\.[0-9|xX*]+)?(\.[0-9|xX*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
var cvNG = cv.replace(/\((?!\?)/g, "(?:");
var ops = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
var constraintRe = new RegExp(`^\\s*(${ops})\\s*(${cv})\\s*$`);
var rangeRe = new RegExp(`\\s*(${cv})\\s+-\\s+(${cv})\\s*`, "g");
var findRe = new RegExp(`(?:${ops})\\s*(?:${cvNG})`, "g");
var validRe = new RegExp(`^(?:\\s*(?:${ops})\\s*(?:${cvNG})\\s*)(?:(?:\\s+|,\\s*)(?:${ops})\\s*(?:${cvNG})\\s*)*$`);
var Version = class extends GoStruct {
  constructor(major, minor, patch, pre, metadata, original) {
    super();
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.metadata = metadata;
    this.original = original;
  }
  major;
  minor;
  patch;
  pre;
  metadata;
  original;
  goType = "*semver.Version";
  field() {
    return { ok: false };
  }
  toString() {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre) s += "-" + this.pre;
    if (this.metadata) s += "+" + this.metadata;
    return s;
  }
  format() {
    return this.toString();
  }
  methods() {
    return {
      Major: { params: [], fn: () => new UintBox(this.major) },
      Minor: { params: [], fn: () => new UintBox(this.minor) },
      Patch: { params: [], fn: () => new UintBox(this.patch) },
      Prerelease: { params: [], fn: () => this.pre },
      Metadata: { params: [], fn: () => this.metadata },
      Original: { params: [], fn: () => this.original },
      String: { params: [], fn: () => this.toString() },
      Compare: { params: ["any"], fn: (o) => BigInt(compare(this, o)) },
      LessThan: { params: ["any"], fn: (o) => compare(this, o) < 0 },
      GreaterThan: { params: ["any"], fn: (o) => compare(this, o) > 0 },
      Equal: { params: ["any"], fn: (o) => compare(this, o) === 0 }
    };
  }
};
var UintBox = class extends GoInt {
  constructor(v) {
    super(v, "uint64");
  }
};
function newVersion(v) {
  const m = semVerRe.exec(v);
  if (!m) throw new Error("Invalid Semantic Version");
  const seg = (s) => {
    if (!s) return 0n;
    const n = BigInt(s.replace(/^\./, ""));
    if (n > 0xffffffffffffffffn) throw new Error(`Error parsing version segment: strconv.ParseUint: parsing "${s.replace(/^\./, "")}": value out of range`);
    return n;
  };
  const pre = m[5] ?? "";
  if (pre) {
    for (const p of pre.split(".")) if (/^\d+$/.test(p) && p.length > 1 && p[0] === "0") throw new Error("Version segment starts with 0");
  }
  return new Version(seg(m[1]), seg(m[2]), seg(m[3]), pre, m[8] ?? "", v);
}
function cmpPrePart(s, o) {
  if (s === o) return 0;
  if (s === "") return o !== "" ? -1 : 1;
  if (o === "") return 1;
  const sn = /^\d+$/.test(s), on = /^\d+$/.test(o);
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}
function cmpPre(a, b) {
  const x = a.split("."), y = b.split(".");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = cmpPrePart(x[i] ?? "", y[i] ?? "");
    if (d) return d;
  }
  return 0;
}
function compare(v, o) {
  for (const k of ["major", "minor", "patch"]) if (v[k] !== o[k]) return v[k] < o[k] ? -1 : 1;
  const ps = v.pre, po = o.pre;
  if (ps === "" && po === "") return 0;
  if (ps === "") return 1;
  if (po === "") return -1;
  return cmpPre(ps, po);
}
var isX = (s) => s === "x" || s === "X" || s === "*";
function parseConstraint(c) {
  const m = constraintRe.exec(c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  const op = m[1], orig = m[2];
  const m3 = m[3], m4 = m[4] ?? "", m5 = m[5] ?? "", m6 = m[6] ?? "";
  let ver = orig, minorDirty = false, patchDirty = false, dirty = false;
  if (isX(m3) || m3 === "") {
    ver = `0.0.0${m6}`;
    dirty = true;
  } else if (isX(m4.replace(/^\./, "")) || m4 === "") {
    minorDirty = true;
    dirty = true;
    ver = `${m3}.0.0${m6}`;
  } else if (isX(m5.replace(/^\./, "")) || m5 === "") {
    dirty = true;
    patchDirty = true;
    ver = `${m3}${m4}.0${m6}`;
  }
  let con;
  try {
    con = newVersion(ver);
  } catch {
    throw new Error(`improper constraint: ${c}`);
  }
  return { con, orig, op, minorDirty, patchDirty, dirty };
}
function check(v, c) {
  const preBlock = v.pre !== "" && c.con.pre === "";
  const { con } = c;
  const tilde = () => {
    if (preBlock) return false;
    if (compare(v, con) < 0) return false;
    if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
    if (v.major !== con.major) return false;
    if (v.minor !== con.minor && !c.minorDirty) return false;
    return true;
  };
  switch (c.op) {
    case "":
    case "=":
      if (preBlock) return false;
      if (c.dirty) return tilde();
      return compare(v, con) === 0;
    case "!=":
      if (c.dirty) {
        if (preBlock) return false;
        if (con.major !== v.major) return true;
        if (con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) return v.pre !== "" || con.pre !== "" ? cmpPre(v.pre, con.pre) !== 0 : false;
      }
      return compare(v, con) !== 0;
    case ">":
      if (preBlock) return false;
      if (!c.dirty) return compare(v, con) === 1;
      if (v.major > con.major) return true;
      if (v.major < con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return compare(v, con) === 1;
    case "<":
      return !preBlock && compare(v, con) < 0;
    case ">=":
    case "=>":
      return !preBlock && compare(v, con) >= 0;
    case "<=":
    case "=<":
      if (preBlock) return false;
      if (!c.dirty) return compare(v, con) <= 0;
      if (v.major > con.major) return false;
      if (v.major === con.major && v.minor > con.minor && !c.minorDirty) return false;
      return true;
    case "~":
    case "~>":
      return tilde();
    case "^": {
      if (preBlock) return false;
      if (compare(v, con) < 0) return false;
      if (con.major > 0n || c.minorDirty) return v.major === con.major;
      if (con.major === 0n && v.major > 0n) return false;
      if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
      if (con.minor === 0n && v.minor > 0n) return false;
      return con.patch === v.patch;
    }
  }
  return false;
}
function newConstraint(c) {
  c = c.replace(rangeRe, (_all, a, ...rest) => `>= ${a}, <= ${rest[9]}`);
  return c.split("||").map((v) => {
    if (!validRe.test(v)) throw new Error(`improper constraint: ${v}`);
    const cs = v.match(findRe) ?? [v];
    return cs.map(parseConstraint);
  });
}
function semverCompare(constraint, version) {
  const c = newConstraint(constraint);
  const v = newVersion(version);
  return c.some((and) => and.every((x) => check(v, x)));
}
function parseSemver(v) {
  return newVersion(v);
}

// packages/gotemplate/src/sprig/crypto.ts
import { createHash as createHash2, createPrivateKey, generateKeyPairSync, createPublicKey, randomBytes, sign } from "node:crypto";
import { isIP } from "node:net";
var PI_WORDS;
function piWords() {
  if (PI_WORDS) return PI_WORDS;
  const n = 18 + 4 * 256, bits2 = BigInt(n * 32 + 64);
  const one2 = 1n << bits2;
  const atanInv = (x) => {
    let sum = 0n, term = one2 / x, k = 1n, sgn = 1n;
    const x2 = x * x;
    while (term !== 0n) {
      sum += sgn * (term / k);
      term /= x2;
      k += 2n;
      sgn = -sgn;
    }
    return sum;
  };
  let pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  pi = pi - 3n * one2 >> 64n;
  const w = new Uint32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    w[i] = Number(pi & 0xffffffffn);
    pi >>= 32n;
  }
  return PI_WORDS = w;
}
var Blowfish = class {
  p;
  s0;
  s1;
  s2;
  s3;
  constructor() {
    const w = piWords();
    this.p = w.slice(0, 18);
    this.s0 = w.slice(18, 274);
    this.s1 = w.slice(274, 530);
    this.s2 = w.slice(530, 786);
    this.s3 = w.slice(786, 1042);
  }
  f(x) {
    return (this.s0[x >>> 24] + this.s1[x >>> 16 & 255] >>> 0 ^ this.s2[x >>> 8 & 255]) + this.s3[x & 255] >>> 0;
  }
  enc(l, r) {
    const p = this.p;
    l = (l ^ p[0]) >>> 0;
    for (let i = 1; i <= 16; i += 2) {
      r = (r ^ this.f(l) ^ p[i]) >>> 0;
      l = (l ^ this.f(r) ^ p[i + 1]) >>> 0;
    }
    r = (r ^ p[17]) >>> 0;
    return [r, l];
  }
  expand(key, salt) {
    let j = 0;
    const next = (b) => {
      let w = 0;
      for (let i = 0; i < 4; i++) {
        w = (w << 8 | b[j]) >>> 0;
        j = (j + 1) % b.length;
      }
      return w;
    };
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i] ^ next(key)) >>> 0;
    j = 0;
    let l = 0, r = 0;
    const fill = (arr2) => {
      for (let i = 0; i < arr2.length; i += 2) {
        if (salt) {
          l = (l ^ next(salt)) >>> 0;
          r = (r ^ next(salt)) >>> 0;
        }
        [l, r] = this.enc(l, r);
        arr2[i] = l;
        arr2[i + 1] = r;
      }
    };
    fill(this.p);
    fill(this.s0);
    fill(this.s1);
    fill(this.s2);
    fill(this.s3);
  }
};
var STD64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var BC64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function bcB64(b) {
  return Buffer.from(b).toString("base64").replace(/=+$/, "").replace(/[A-Za-z0-9+/]/g, (c) => BC64[STD64.indexOf(c)]);
}
function bcB64Decode(s) {
  return Buffer.from(s.replace(/./g, (c) => STD64[BC64.indexOf(c)]), "base64");
}
function bcryptHash(password, cost = 10, salt22) {
  if (cost < 4 || cost > 31) throw new Error(`crypto/bcrypt: cost ${cost} is outside allowed range (4,31)`);
  const salt = salt22 ?? bcB64(randomBytes(16));
  const csalt = bcB64Decode(salt);
  const pw = typeof password === "string" ? Buffer.from(password) : Buffer.from(password);
  const key = Buffer.concat([pw, Buffer.from([0])]);
  const bf = new Blowfish();
  bf.expand(key, csalt);
  for (let i = 0, n = 2 ** cost; i < n; i++) {
    bf.expand(key);
    bf.expand(csalt);
  }
  const magic = Buffer.from("OrpheanBeholderScryDoubt");
  const words = [];
  for (let i = 0; i < 6; i++) words.push(magic.readUInt32BE(i * 4));
  for (let i = 0; i < 24; i += 8) {
    const k = i / 4;
    for (let r = 0; r < 64; r++) [words[k], words[k + 1]] = bf.enc(words[k], words[k + 1]);
  }
  const out = Buffer.alloc(24);
  words.forEach((w, i) => out.writeUInt32BE(w, i * 4));
  return `$2a$${String(cost).padStart(2, "0")}$${salt}${bcB64(out.subarray(0, 23))}`;
}
function sprigBcrypt(input) {
  return bcryptHash(input, 10);
}
function sprigHtpasswd(user, pass) {
  if (user.includes(":")) return `invalid username: ${user}`;
  return `${user}:${bcryptHash(pass, 10)}`;
}
function len(n) {
  if (n < 128) return Buffer.from([n]);
  const b = [];
  while (n > 0) {
    b.unshift(n & 255);
    n = Math.floor(n / 256);
  }
  return Buffer.from([128 | b.length, ...b]);
}
var tlv = (tag2, ...c) => {
  const body = Buffer.concat(c);
  return Buffer.concat([Buffer.from([tag2]), len(body.length), body]);
};
var seq = (...c) => tlv(48, ...c);
function oid(s) {
  const p = s.split(".").map(Number);
  const out = [40 * p[0] + p[1]];
  for (const v of p.slice(2)) {
    const b = [v & 127];
    let x = Math.floor(v / 128);
    while (x > 0) {
      b.unshift(128 | x & 127);
      x = Math.floor(x / 128);
    }
    out.push(...b);
  }
  return tlv(6, Buffer.from(out));
}
function uint(b) {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  b = b.subarray(i);
  return tlv(2, b[0] & 128 ? Buffer.concat([Buffer.from([0]), b]) : b);
}
var bool2 = (v) => tlv(1, Buffer.from([v ? 255 : 0]));
var octets = (b) => tlv(4, b);
var bits = (b, unused = 0) => tlv(3, Buffer.from([unused]), b);
function time(d) {
  const y = d.getUTCFullYear();
  const p = (n) => String(n).padStart(2, "0");
  const rest = p(d.getUTCMonth() + 1) + p(d.getUTCDate()) + p(d.getUTCHours()) + p(d.getUTCMinutes()) + p(d.getUTCSeconds()) + "Z";
  return y >= 1950 && y < 2050 ? tlv(23, Buffer.from(p(y % 100) + rest)) : tlv(24, Buffer.from(String(y).padStart(4, "0") + rest));
}
function name(cn) {
  return seq(tlv(49, seq(oid("2.5.4.3"), tlv(12, Buffer.from(cn)))));
}
function readTlv(b, at) {
  if (at + 2 > b.length) throw new Error("x509: malformed certificate");
  const tag2 = b[at];
  let l = b[at + 1], hdr = 2;
  if (l & 128) {
    const n = l & 127;
    if (n === 0 || n > 4 || at + 2 + n > b.length) throw new Error("x509: malformed certificate");
    l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + b[at + 2 + i];
    hdr += n;
  }
  if (at + hdr + l > b.length) throw new Error("x509: malformed certificate");
  return { tag: tag2, start: at, hdr, end: at + hdr + l };
}
function children(b, t) {
  const out = [];
  for (let at = t.start + t.hdr; at < t.end; ) {
    const c = readTlv(b, at);
    out.push(c);
    at = c.end;
  }
  return out;
}
function certInfo(der) {
  const cert = readTlv(der, 0);
  if (cert.tag !== 48) throw new Error("x509: malformed certificate");
  const tbs = children(der, cert)[0];
  if (!tbs || tbs.tag !== 48) throw new Error("x509: malformed tbs certificate");
  let f = children(der, tbs);
  if (f[0]?.tag === 160) f = f.slice(1);
  if (f.length < 6) throw new Error("x509: malformed tbs certificate");
  const subject = der.subarray(f[4].start, f[4].end);
  let ski;
  const ext = f.find((x) => x.tag === 163);
  if (ext) {
    const list2 = children(der, ext)[0];
    for (const e of list2 ? children(der, list2) : []) {
      const parts = children(der, e);
      const id = der.subarray(parts[0].start, parts[0].end);
      if (id.equals(oid("2.5.29.14"))) {
        const val = parts[parts.length - 1];
        const inner = readTlv(der, val.start + val.hdr);
        ski = Buffer.from(der.subarray(inner.start + inner.hdr, inner.end));
      }
    }
  }
  return { subject: Buffer.from(subject), ski };
}
var Certificate = class extends GoStruct {
  constructor(Cert, Key) {
    super();
    this.Cert = Cert;
    this.Key = Key;
  }
  Cert;
  Key;
  goType = "sprig.certificate";
  field(n) {
    if (n === "Cert") return { ok: true, value: this.Cert };
    if (n === "Key") return { ok: true, value: this.Key };
    return { ok: false };
  }
  format() {
    return `{${this.Cert} ${this.Key}}`;
  }
};
function pemDecode(s) {
  const m = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(s);
  if (!m) return void 0;
  const body = m[2].split(/\r?\n/).filter((l) => !l.includes(":")).join("");
  if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) return void 0;
  return { type: m[1], der: Buffer.from(body, "base64") };
}
function pemEncode(type, der) {
  const b = der.toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN ${type}-----
${b}
-----END ${type}-----
`;
}
var DSA_KEY = /* @__PURE__ */ Symbol("dsa");
function parsePrivateKeyPEM(s) {
  const blk = pemDecode(s);
  if (!blk) throw new Error("no PEM data in input");
  const tryKey = (format, what) => {
    try {
      return createPrivateKey({ key: blk.der, format: "der", type: format });
    } catch (e) {
      throw new Error(`${what}: ${e.message}`);
    }
  };
  if (blk.type === "PRIVATE KEY") {
    const k = tryKey("pkcs8", "decoding PEM as PKCS#8");
    if (!["rsa", "ec", "ed25519"].includes(k.asymmetricKeyType ?? "")) throw new Error(`decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm`);
    return k;
  }
  if (!blk.type.endsWith(" PRIVATE KEY")) throw new Error(`no private key data in PEM block of type ${blk.type}`);
  switch (blk.type.slice(0, -12)) {
    case "RSA":
      return tryKey("pkcs1", "parsing RSA private key from PEM");
    case "EC":
      return tryKey("sec1", "parsing EC private key from PEM");
    case "DSA": {
      try {
        const t = readTlv(blk.der, 0);
        if (t.tag !== 48 || children(blk.der, t).length !== 6) throw new Error("x");
      } catch {
        throw new Error("parsing DSA private key from PEM: asn1: structure error");
      }
      return DSA_KEY;
    }
    default:
      throw new Error(`invalid private key type ${blk.type}`);
  }
}
function keyPEM(k) {
  switch (k.asymmetricKeyType) {
    case "rsa":
      return k.export({ type: "pkcs1", format: "pem" });
    case "ec":
      return k.export({ type: "sec1", format: "pem" });
    default:
      return k.export({ type: "pkcs8", format: "pem" });
  }
}
function sigAlg(k) {
  switch (k.asymmetricKeyType) {
    case "rsa":
      return { alg: seq(oid("1.2.840.113549.1.1.11"), tlv(5)), hash: "sha256" };
    case "ec": {
      const c = k.asymmetricKeyDetails?.namedCurve;
      if (c === "secp384r1") return { alg: seq(oid("1.2.840.10045.4.3.3")), hash: "sha384" };
      if (c === "secp521r1") return { alg: seq(oid("1.2.840.10045.4.3.4")), hash: "sha512" };
      return { alg: seq(oid("1.2.840.10045.4.3.2")), hash: "sha256" };
    }
    case "ed25519":
      return { alg: seq(oid("1.3.101.112")), hash: null };
    default:
      throw new Error("x509: only RSA, ECDSA and Ed25519 keys supported");
  }
}
function ipBytes(s) {
  const v4 = (x) => {
    const p = x.split(".");
    if (p.length !== 4 || p.some((q2) => !/^\d{1,3}$/.test(q2) || Number(q2) > 255 || q2.length > 1 && q2[0] === "0")) return void 0;
    return p.map(Number);
  };
  const k = isIP(s);
  if (k === 4) return v4(s) ? Buffer.from(v4(s)) : void 0;
  if (k !== 6 || s.includes("%")) return void 0;
  let tail = [];
  let str4 = s;
  const m = /(\d+\.\d+\.\d+\.\d+)$/.exec(str4);
  if (m) {
    const q2 = v4(m[1]);
    if (!q2) return void 0;
    tail = q2;
    str4 = str4.slice(0, -m[1].length) + (str4.endsWith("::" + m[1]) ? "" : "0:0");
  }
  const groups = (x) => x === "" ? [] : x.split(":").flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
  let bytes;
  if (str4.includes("::")) {
    const [a, b] = str4.split("::");
    const ha = groups(a), hb = groups(b);
    bytes = [...ha, ...new Array(16 - tail.length - ha.length - hb.length).fill(0), ...hb];
  } else bytes = groups(str4);
  if (tail.length) bytes = bytes.slice(0, 12).concat(tail);
  const out = Buffer.from(bytes);
  if (out.subarray(0, 10).every((x) => x === 0) && out[10] === 255 && out[11] === 255) return out.subarray(12);
  return out;
}
function getNetIPs(ips) {
  if (ips === null || ips === void 0) return [];
  return ips.map((ip) => {
    if (typeof ip !== "string") throw new Error(`error parsing ip: ${formatV(ip)} is not a string`);
    const b = ipBytes(ip);
    if (!b) throw new Error(`error parsing ip: ${ip}`);
    return b;
  });
}
function getDNS(dns) {
  if (dns === null || dns === void 0) return [];
  return dns.map((d) => {
    if (typeof d !== "string") throw new Error(`error processing alternate dns name: ${formatV(d)} is not a string`);
    return d;
  });
}
function baseTemplate(cn, ips, dns, days, ca = false) {
  return { cn, ips: getNetIPs(ips), dns: getDNS(dns), days, ca };
}
function spkiKeyId(spki) {
  const top = readTlv(spki, 0);
  const bs = children(spki, top)[1];
  return createHash2("sha1").update(spki.subarray(bs.start + bs.hdr + 1, bs.end)).digest();
}
function createCertificate(t, priv, signer, issuer) {
  if (signer === DSA_KEY) throw new Error("error creating certificate: x509: certificate private key does not implement crypto.Signer");
  if (priv === DSA_KEY) throw new Error("error creating certificate: x509: unsupported public key type: *dsa.PublicKey");
  const pub = createPublicKey(priv);
  const now = Date.now();
  const notBefore = new Date(now);
  const ms = Number(t.days) * 864e5;
  const notAfter = new Date(now + ms);
  if (!Number.isFinite(notAfter.getTime())) throw new Error("x509: invalid validity period");
  const serial = randomBytes(16);
  const spki = pub.export({ type: "spki", format: "der" });
  const { alg, hash } = sigAlg(signer);
  const subject = name(t.cn);
  const exts = [];
  const ext = (id, critical, val) => {
    exts.push(seq(oid(id), ...critical ? [bool2(true)] : [], octets(val)));
  };
  const ski = t.ca ? spkiKeyId(spki) : void 0;
  ext("2.5.29.15", true, t.ca ? bits(Buffer.from([164]), 2) : bits(Buffer.from([160]), 5));
  ext("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2")));
  ext("2.5.29.19", true, t.ca ? seq(bool2(true)) : seq());
  if (ski) ext("2.5.29.14", false, octets(ski));
  if (issuer?.ski && !issuer.subject.equals(subject)) ext("2.5.29.35", false, seq(tlv(128, issuer.ski)));
  if (t.dns.length || t.ips.length) {
    ext("2.5.29.17", false, seq(...t.dns.map((d) => tlv(130, Buffer.from(d))), ...t.ips.map((ip) => tlv(135, ip))));
  }
  const tbs = seq(
    tlv(160, tlv(2, Buffer.from([2]))),
    uint(serial),
    alg,
    issuer ? issuer.subject : subject,
    seq(time(notBefore), time(notAfter)),
    subject,
    spki,
    tlv(163, seq(...exts))
  );
  const sig = sign(hash, tbs, signer);
  return pemEncode("CERTIFICATE", seq(tbs, alg, bits(sig)));
}
var newRSA = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
function selfSigned(t, priv) {
  const cert = createCertificate(t, priv, priv);
  return new Certificate(cert, keyPEM(priv));
}
function keyArg(pem) {
  try {
    return parsePrivateKeyPEM(pem);
  } catch (e) {
    throw new Error(`parsing private key: ${e.message}`);
  }
}
function genCA(cn, days) {
  return selfSigned(baseTemplate(cn, null, null, days, true), newRSA());
}
function genCAWithKey(cn, days, key) {
  return selfSigned(baseTemplate(cn, null, null, days, true), keyArg(key));
}
function genSelfSignedCert(cn, ips, dns, days) {
  const t = baseTemplate(cn, ips, dns, days);
  return selfSigned(t, newRSA());
}
function genSelfSignedCertWithKey(cn, ips, dns, days, key) {
  const t = baseTemplate(cn, ips, dns, days);
  return selfSigned(t, keyArg(key));
}
function signed(cn, ips, dns, days, ca, priv) {
  if (!(ca instanceof Certificate)) throw new Error(`wrong type for value; expected sprig.certificate; got ${ca === null || ca === void 0 ? "interface {}" : typeName(ca)}`);
  const k = priv();
  const blk = pemDecode(ca.Cert);
  if (!blk) throw new Error("unable to decode certificate");
  let info;
  try {
    info = certInfo(blk.der);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedSignerCert.Bytes: ${e.message}`);
  }
  let signer;
  try {
    signer = parsePrivateKeyPEM(ca.Key);
  } catch (e) {
    throw new Error(`error parsing private key: ${e.message}`);
  }
  const t = baseTemplate(cn, ips, dns, days);
  return new Certificate(createCertificate(t, k, signer, info), keyPEM(k));
}
function genSignedCert(cn, ips, dns, days, ca) {
  return signed(cn, ips, dns, days, ca, newRSA);
}
function genSignedCertWithKey(cn, ips, dns, days, ca, key) {
  return signed(cn, ips, dns, days, ca, () => keyArg(key));
}
function buildCustomCert(b64cert, b64key) {
  const dec = (s) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s) ? Buffer.from(s, "base64") : void 0;
  const cert = dec(b64cert);
  if (!cert) throw new Error("unable to decode base64 certificate");
  const key = dec(b64key);
  if (!key) throw new Error("unable to decode base64 private key");
  const blk = pemDecode(cert.toString("latin1"));
  if (!blk) throw new Error("unable to decode certificate");
  try {
    certInfo(blk.der);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedCert.Bytes: ${e.message}`);
  }
  try {
    parsePrivateKeyPEM(key.toString("latin1"));
  } catch (e) {
    throw new Error(`error parsing private key: ${e.message}`);
  }
  return new Certificate(cert.toString("utf8"), key.toString("utf8"));
}
function genDSAKey() {
  const der = generateKeyPairSync("dsa", { modulusLength: 2048, divisorLength: 256 }).privateKey.export({ type: "pkcs8", format: "der" });
  const top = children(der, readTlv(der, 0));
  const params = children(der, children(der, top[1])[1]);
  const intOf = (t) => der.subarray(t.start + t.hdr, t.end);
  const oct = top[2];
  const xT = readTlv(der, oct.start + oct.hdr);
  const big = (b) => BigInt("0x" + (b.toString("hex") || "0"));
  const [p, q2, g] = params.map((t) => big(intOf(t)));
  const x = big(intOf(xT));
  let y = 1n, base = g % p, e = x;
  while (e > 0n) {
    if (e & 1n) y = y * base % p;
    base = base * base % p;
    e >>= 1n;
  }
  const hex = (n) => {
    const h = n.toString(16);
    return Buffer.from(h.length % 2 ? "0" + h : h, "hex");
  };
  void q2;
  const body = seq(tlv(2, Buffer.from([0])), ...params.map((t) => uint(Buffer.from(intOf(t)))), uint(hex(y)), uint(hex(x)));
  return pemEncode("DSA PRIVATE KEY", body);
}

// packages/gotemplate/src/sprig/index.ts
import { scryptSync, createHmac, createCipheriv, createDecipheriv, generateKeyPairSync as generateKeyPairSync2 } from "node:crypto";
var I = (n) => new GoInt(n);
var i64 = (x) => BigInt.asIntN(64, x);
function kindOfForErr(v) {
  if (v === void 0 || v === null) throw new Error("runtime error: invalid memory address or nil pointer dereference");
  return kindName(v);
}
function asList(v) {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoInt(BigInt(b), "uint8"));
  return void 0;
}
function strval(v) {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return fromBytes(v);
  if (v instanceof Error) return v.message;
  return formatV(v);
}
function toInt64(v) {
  switch (typeof v) {
    case "bigint":
      return v;
    case "number":
      return Number.isFinite(v) && v < 9223372036854776e3 && v >= -9223372036854776e3 ? BigInt(Math.trunc(v)) : -0x8000000000000000n;
    case "boolean":
      return v ? 1n : 0n;
    case "string": {
      const s = trimZeroDecimal(v);
      const r = parseIntBase0(s);
      return r ?? 0n;
    }
  }
  if (v instanceof GoInt) return i64(v.v);
  return 0n;
}
function toFloat64(v) {
  switch (typeof v) {
    case "number":
      return v;
    case "bigint":
      return Number(v);
    case "boolean":
      return v ? 1 : 0;
    case "string": {
      const f = parseGoFloat2(v);
      return f ?? 0;
    }
  }
  if (v instanceof GoInt) return Number(v.v);
  return 0;
}
function trimZeroDecimal(s) {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === ".") {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === "0") foundZero = true;
    else return s;
  }
  return s;
}
function parseIntBase0(text2) {
  let s = text2;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let digits = s, prefix = "";
  let base = 10;
  if (/^0[xX]/.test(s)) {
    base = 16;
    digits = s.slice(2);
    prefix = "0x";
  } else if (/^0[oO]/.test(s)) {
    base = 8;
    digits = s.slice(2);
    prefix = "0o";
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    digits = s.slice(2);
    prefix = "0b";
  } else if (s.length > 1 && s[0] === "0") {
    base = 8;
    digits = s.slice(1);
    prefix = "0o";
  }
  if (digits.includes("_")) {
    if (/__|_$/.test(digits) || base === 10 && digits[0] === "_") return void 0;
    digits = digits.replace(/_/g, "");
  }
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return void 0;
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return void 0;
  return v;
}
function parseGoFloat2(s) {
  const t = s.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t[0] === "-" ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) {
    const f = Number(t);
    return isFinite(f) ? f : void 0;
  }
  const m = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/.exec(t);
  if (m && (m[2] || m[3])) {
    const mant = parseInt((m[2] || "0") + (m[3] || ""), 16) / Math.pow(16, (m[3] || "").length);
    return (m[1] === "-" ? -1 : 1) * mant * Math.pow(2, parseInt(m[4], 10));
  }
  return void 0;
}
function empty(v) {
  return !truth(v);
}
function deepEqual(a, b) {
  if (a === b) return a === a || typeof a !== "number";
  if (a === void 0 || a === null || b === void 0 || b === null) return (a ?? null) === (b ?? null);
  if (typeName(a) !== typeName(b)) return false;
  if (a instanceof GoInt) return a.v === b.v;
  if (Array.isArray(a)) {
    const bb = b;
    if (a.length !== bb.length) return false;
    return a.every((x, i) => deepEqual(x, bb[i]));
  }
  if (a instanceof Uint8Array) return Buffer.compare(a, b) === 0;
  if (a instanceof GoTime) {
    const t = b;
    return a.ms === t.ms && a.nanos === t.nanos && a.offsetMin === t.offsetMin;
  }
  if (isGoMap(a)) {
    const bm = b;
    const ka = Object.keys(a), kb = Object.keys(bm);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(bm, k) && deepEqual(a[k], bm[k]));
  }
  return false;
}
function deepCopy(v) {
  if (Array.isArray(v)) {
    const c = v.map(deepCopy);
    const t = v[GO_TYPE];
    return t ? tagType(c, t) : c;
  }
  if (isGoMap(v)) {
    const c = {};
    for (const k of Object.keys(v)) c[k] = deepCopy(v[k]);
    const t = v[GO_TYPE];
    return t ? tagType(c, t) : c;
  }
  if (v instanceof Uint8Array) return v.slice();
  return v;
}
function mergeMaps(dst, src, overwrite) {
  for (const key of Object.keys(src)) {
    const se = src[key];
    const has = Object.prototype.hasOwnProperty.call(dst, key);
    const de = has ? dst[key] : void 0;
    if (se === null || se === void 0) {
      if (overwrite) setKey(dst, key, null);
      continue;
    }
    const srcIsMap = isGoMap(se), srcIsSlice = Array.isArray(se);
    if (srcIsMap) {
      if (has && isGoMap(de)) mergeMaps(de, se, overwrite);
    } else if (srcIsSlice) {
      let ds = !has || de === null ? [] : de;
      if (truth(src) && (overwrite || !truth(dst))) ds = se;
      setKey(dst, key, ds);
    }
    if (has && truth(de) && (srcIsMap || srcIsSlice)) continue;
    if (overwrite || !has || !truth(de)) setKey(dst, key, se);
  }
}
function dict(...v) {
  const d = {};
  for (let i = 0; i < v.length; i += 2) {
    const key = strval(v[i] ?? null);
    setKey(d, key, i + 1 >= v.length ? "" : v[i + 1]);
  }
  return d;
}
function setKey(d, k, v) {
  if (k === "__proto__") Object.defineProperty(d, k, { value: v, enumerable: true, writable: true, configurable: true });
  else d[k] = v;
}
function untilStep(start, stop, step) {
  const v = [];
  if (stop < start) {
    if (step >= 0n) return tagType(v, "[]int");
    for (let i = start; i > stop; i += step) {
      v.push(I(i));
      if (v.length > 1e6) throw new Error("untilStep: too many elements");
    }
    return tagType(v, "[]int");
  }
  if (step <= 0n) return tagType(v, "[]int");
  for (let i = start; i < stop; i += step) {
    v.push(I(i));
    if (v.length > 1e6) throw new Error("untilStep: too many elements");
  }
  return tagType(v, "[]int");
}
function seq2(...p) {
  const ps = p.map((x) => x.v);
  let inc = 1n;
  let r;
  switch (ps.length) {
    case 0:
      return "";
    case 1: {
      const start = 1n, end = ps[0];
      if (end < start) inc = -1n;
      r = untilStep(start, end + inc, inc);
      break;
    }
    case 3: {
      const start = ps[0], end = ps[2], step = ps[1];
      if (end < start) {
        inc = -1n;
        if (step > 0n) return "";
      }
      r = untilStep(start, end + inc, step);
      break;
    }
    case 2: {
      const start = ps[0], end = ps[1];
      let step = 1n;
      if (end < start) step = -1n;
      r = untilStep(start, end + step, step);
      break;
    }
    default:
      return "";
  }
  return r.map((x) => x.v.toString()).join(" ");
}
function decimalOp(a, b, op) {
  let acc = Dec.fromFloat(toFloat64(a));
  for (const x of b) {
    const d = Dec.fromFloat(toFloat64(x));
    acc = op === "+" ? acc.add(d) : op === "-" ? acc.sub(d) : op === "*" ? acc.mul(d) : acc.div(d);
  }
  return acc.toFloat();
}
var Dec = class _Dec {
  constructor(v, exp) {
    this.v = v;
    this.exp = exp;
  }
  v;
  exp;
  static fromFloat(f) {
    if (!isFinite(f)) throw new Error(`Cannot create a Decimal from ${formatFloatG(f)}`);
    if (f === 0) return new _Dec(0n, 0);
    const e = f.toExponential();
    const [m, x] = e.split("e");
    const digits = m.replace(".", "").replace("-", "");
    const exp = parseInt(x, 10) - (digits.length - 1);
    return new _Dec(BigInt((f < 0 ? "-" : "") + digits), exp);
  }
  align(o) {
    if (this.exp === o.exp) return [this.v, o.v, this.exp];
    if (this.exp < o.exp) return [this.v, o.v * 10n ** BigInt(o.exp - this.exp), this.exp];
    return [this.v * 10n ** BigInt(this.exp - o.exp), o.v, o.exp];
  }
  add(o) {
    const [a, b, e] = this.align(o);
    return new _Dec(a + b, e);
  }
  sub(o) {
    const [a, b, e] = this.align(o);
    return new _Dec(a - b, e);
  }
  mul(o) {
    return new _Dec(this.v * o.v, this.exp + o.exp);
  }
  div(o) {
    if (o.v === 0n) throw new Error("decimal division by 0");
    const prec = 16;
    const k = this.exp - o.exp + prec;
    let num3 = this.v, den = o.v;
    if (k >= 0) num3 *= 10n ** BigInt(k);
    else den *= 10n ** BigInt(-k);
    if (den < 0n) {
      num3 = -num3;
      den = -den;
    }
    let q2 = num3 / den;
    const r = num3 % den;
    if ((r < 0n ? -r : r) * 2n >= den) q2 += num3 < 0n ? -1n : 1n;
    return new _Dec(q2, -prec);
  }
  toFloat() {
    return Number(`${this.v}e${this.exp}`);
  }
};
function roundGo(a, p, ...rOpt) {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = toFloat64(a);
  const pow = Math.pow(10, Number(p.v));
  const digit = pow * val;
  const div = digit % 1;
  const r = div >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}
function base32(s) {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const b = toBytes(s);
  let out = "", bits2 = 0, val = 0;
  for (const x of b) {
    val = val << 8 | x;
    bits2 += 8;
    while (bits2 >= 5) {
      out += A[val >>> bits2 - 5 & 31];
      bits2 -= 5;
    }
  }
  if (bits2 > 0) out += A[val << 5 - bits2 & 31];
  while (out.length % 8) out += "=";
  return out;
}
var B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function base32dec(str4) {
  const src = Array.from(toBytes(str4)).filter((c) => c !== 10 && c !== 13);
  const olen = src.length;
  const out = [];
  let p = 0;
  let end = false;
  const err2 = (n) => {
    throw new Error(`illegal base32 data at input byte ${n}`);
  };
  while (p < olen && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (p === olen) err2(olen - (olen - p) - j);
      const c = src[p++];
      const rem = olen - p;
      if (c === 61 && j >= 2 && rem < 8) {
        if (rem + j < 8 - 1) err2(olen);
        for (let k = 0; k < 8 - 1 - j; k++) if (rem > k && src[p + k] !== 61) err2(olen - rem + k - 1);
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) err2(olen - rem - 1);
        break;
      }
      const d = B32.indexOf(String.fromCharCode(c));
      if (d < 0) err2(olen - rem - 1);
      dbuf[j++] = d;
    }
    const bytes = [dbuf[0] << 3 | dbuf[1] >> 2, dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4, dbuf[3] << 4 | dbuf[4] >> 1, dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3, dbuf[6] << 5 | dbuf[7]];
    const nb = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen];
    out.push(...bytes.slice(0, nb).map((x) => x & 255));
  }
  return fromBytes(Uint8Array.from(out));
}
function b64dec(str4) {
  const src = toBytes(str4);
  const out = [];
  let si = 0;
  const err2 = (n) => {
    throw new Error(`illegal base64 data at input byte ${n}`);
  };
  for (; ; ) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let done = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return fromBytes(Uint8Array.from(out));
        err2(si - j);
      }
      const c = src[si++];
      const d = B64.indexOf(String.fromCharCode(c));
      if (d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (c === 10 || c === 13) {
        j--;
        continue;
      }
      if (c !== 61) err2(si - 1);
      if (j < 2) err2(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
        if (si === src.length) err2(src.length);
        if (src[si] !== 61) err2(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
      if (si < src.length) err2(si);
      dlen = j;
      done = true;
      break;
    }
    const v = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
    const b = [v >> 16 & 255, v >> 8 & 255, v & 255];
    if (dlen === 4) out.push(...b);
    else if (dlen === 3) out.push(b[0], b[1]);
    else if (dlen === 2) out.push(b[0]);
    if (done) return fromBytes(Uint8Array.from(out));
  }
}
function adler32(s) {
  let a = 1, b = 0;
  for (const x of toBytes(s)) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return String((b << 16 | a) >>> 0);
}
function urlParse(v) {
  const bad2 = /%(?![0-9A-Fa-f]{2})(.{0,2})/.exec(v.replace(/#.*$/s, "").replace(/\?.*$/s, ""));
  if (bad2) throw new Error(`unable to parse url: parse ${JSON.stringify(v)}: invalid URL escape ${JSON.stringify("%" + bad2[1])}`);
  let rest = v;
  const out = { scheme: "", host: "", hostname: "", path: "", query: "", opaque: "", fragment: "", userinfo: "" };
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    out.fragment = decodeURIComponentSafe(rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (sm) {
    out.scheme = sm[1].toLowerCase();
    rest = rest.slice(sm[0].length);
  }
  const q2 = rest.indexOf("?");
  if (q2 >= 0) {
    out.query = rest.slice(q2 + 1);
    rest = rest.slice(0, q2);
  }
  if (out.scheme && !rest.startsWith("/")) {
    out.opaque = rest;
    return out;
  }
  if (!out.scheme && !rest.startsWith("/")) {
    const seg = rest.split("/")[0];
    if (seg.includes(":")) throw new Error(`unable to parse url: parse ${JSON.stringify(v)}: first path segment in URL cannot contain colon`);
  }
  if (rest.startsWith("//")) {
    rest = rest.slice(2);
    const slash = rest.indexOf("/");
    const auth = slash >= 0 ? rest.slice(0, slash) : rest;
    rest = slash >= 0 ? rest.slice(slash) : "";
    const at = auth.lastIndexOf("@");
    if (at >= 0) {
      out.userinfo = auth.slice(0, at);
      out.host = auth.slice(at + 1);
    } else out.host = auth;
    const h = out.host;
    out.hostname = h.startsWith("[") ? h.slice(1, h.indexOf("]")) : h.replace(/:\d*$/, "");
  }
  out.path = decodeURIComponentSafe(rest);
  return out;
}
function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
function urlJoin(d) {
  const g = (k) => {
    const v = d[k];
    if (v === void 0) return "";
    if (typeof v !== "string") throw new Error(`unable to parse ${k} field: interface conversion: interface {} is ${typeName(v)}, not string`);
    return v;
  };
  const scheme = g("scheme"), host = g("host"), path = g("path"), query = g("query"), opaque = g("opaque"), fragment = g("fragment"), userinfo = g("userinfo");
  let s = "";
  if (scheme) s += scheme + ":";
  if (opaque) s += opaque;
  else {
    if (scheme || host || userinfo) {
      if (host || path || userinfo) s += "//";
      if (userinfo) s += userinfo.split(":").map((p3) => encodeURIComponent(p3)).join(":") + "@";
      s += host;
    }
    let p = path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => encodeURIComponent(c));
    if (p && p[0] !== "/" && host) p = "/" + p;
    if (s === "" && /^[^/]*:/.test(p)) p = "./" + p;
    s += p;
  }
  if (query) s += "?" + query;
  if (fragment) s += "#" + fragment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (c) => encodeURIComponent(c));
  return s;
}
function toTime(v) {
  if (v instanceof GoTime) return v;
  if (typeof v === "bigint" || v instanceof GoInt) return new GoTime(Number(typeof v === "bigint" ? v : v.v) * 1e3, 0, localOffset(), localZone());
  return new GoTime(Date.now(), 0, localOffset(), localZone());
}
function localOffset() {
  return 0;
}
function localZone() {
  return "UTC";
}
function dateFmt(fmt, date, zone = "Local") {
  let t;
  if (date instanceof GoTime) t = date;
  else if (typeof date === "bigint" || date instanceof GoInt) t = toTime(date);
  else t = new GoTime(Date.now());
  const zoneOff = zone === "UTC" || zone === "Local" || zone === "" ? 0 : zoneOffset(zone, t.ms);
  const zname = zone === "Local" ? localZone() : zone === "" ? "UTC" : zoneOff === void 0 ? "UTC" : zoneAbbrev(zone, t.ms);
  return formatTime(new GoTime(t.ms, t.nanos, zoneOff ?? 0, zname), fmt);
}
function zoneOffset(zone, ms) {
  try {
    const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(new Date(ms));
    const o = f.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(o);
    return m ? (m[1] === "-" ? -1 : 1) * (parseInt(m[2], 10) * 60 + parseInt(m[3], 10)) : 0;
  } catch {
    return void 0;
  }
}
function zoneAbbrev(zone, ms) {
  try {
    const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(new Date(ms));
    return f.find((p) => p.type === "timeZoneName")?.value ?? zone;
  } catch {
    return zone;
  }
}
function parseDuration(s) {
  const orig = s;
  let neg = false;
  if (s[0] === "-" || s[0] === "+") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") throw new Error(`time: invalid duration ${quoteGo(orig)}`);
  const units = { ns: 1, us: 1e3, "\xB5s": 1e3, "\u03BCs": 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 36e11 };
  let total = 0;
  while (s) {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    if (!m[0] || m[0] === ".") throw new Error(`time: invalid duration ${quoteGo(orig)}`);
    s = s.slice(m[0].length);
    const u = /^[^\d.]+/.exec(s);
    if (!u) throw new Error(`time: missing unit in duration ${quoteGo(orig)}`);
    if (!(u[0] in units)) throw new Error(`time: unknown unit ${quoteGo(u[0])} in duration ${quoteGo(orig)}`);
    s = s.slice(u[0].length);
    total += parseFloat((m[1] || "0") + "." + (m[2] || "0")) * units[u[0]];
  }
  return BigInt(Math.round(neg ? -total : total));
}
function durationString(d) {
  if (d === 0n) return "0s";
  const neg = d < 0n;
  let u = neg ? -d : d;
  if (u < 1000000000n) {
    let unit, div;
    if (u < 1000n) return (neg ? "-" : "") + u + "ns";
    if (u < 1000000n) {
      unit = "\xB5s";
      div = 1000n;
    } else {
      unit = "ms";
      div = 1000000n;
    }
    return (neg ? "-" : "") + fracStr(u, div) + unit;
  }
  const h = u / 3600000000000n;
  u -= h * 3600000000000n;
  const m = u / 60000000000n;
  u -= m * 60000000000n;
  let s = "";
  if (h > 0n) s += h + "h";
  if (h > 0n || m > 0n) s += m + "m";
  s += fracStr(u, 1000000000n) + "s";
  return (neg ? "-" : "") + s;
}
function fracStr(v, div) {
  const ip = v / div;
  let fp = (v % div).toString().padStart(div.toString().length - 1, "0").replace(/0+$/, "");
  return ip.toString() + (fp ? "." + fp : "");
}
function getOwn(d, k) {
  return Object.prototype.hasOwnProperty.call(d, k) ? [true, d[k]] : [false, void 0];
}
function listOp(name2, list2, f, must, nilOk = false) {
  if (nilOk && (list2 === null || list2 === void 0)) return f([]);
  const k = kindOfForErr(list2);
  const l = asList(list2);
  if (!l) {
    const msg = name2 === "slice" ? `list should be type of slice or array but ${k}` : `Cannot ${name2} on type ${k}`;
    if (must) throw new Error(msg);
    throw new Error(msg);
  }
  return f(l);
}
function sprigFuncs(opts = {}) {
  const S = "string", A = "any", N = "int", M = "map", F = "float64";
  const fns = {
    hello: [[], void 0, () => "Hello!"],
    // dates
    ago: [[A], void 0, (t) => durationString(BigInt(Math.round((Date.now() - toTime(t).ms) / 1e3)) * 1000000000n)],
    date: [[S, A], void 0, (f, d) => dateFmt(f, d)],
    date_in_zone: [[S, A, S], void 0, (f, d, z) => dateFmt(f, d, z)],
    dateInZone: [[S, A, S], void 0, (f, d, z) => dateFmt(f, d, z)],
    date_modify: [[S, "time"], void 0, (fmt, t) => {
      try {
        return new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone);
      } catch {
        return t;
      }
    }],
    dateModify: [[S, "time"], void 0, (fmt, t) => {
      try {
        return new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone);
      } catch {
        return t;
      }
    }],
    must_date_modify: [[S, "time"], void 0, (fmt, t) => new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone)],
    mustDateModify: [[S, "time"], void 0, (fmt, t) => new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone)],
    duration: [[A], void 0, (sec) => {
      const n = typeof sec === "string" ? parseIntBase0(sec) ?? 0n : toInt64(sec);
      return durationString(n * 1000000000n);
    }],
    durationRound: [[A], void 0, (v) => durationRound(v)],
    htmlDate: [[A], void 0, (d) => dateFmt("2006-01-02", d)],
    htmlDateInZone: [[A, S], void 0, (d, z) => dateFmt("2006-01-02", d, z)],
    mustToDate: [[S, S], void 0, (f, s) => parseTime(f, s)],
    toDate: [[S, S], void 0, (f, s) => {
      try {
        return parseTime(f, s);
      } catch {
        return new GoTime(-621355968e5, 0, 0, "UTC");
      }
    }],
    now: [[], void 0, () => new GoTime(Date.now(), 0, localOffset(), localZone(), true)],
    unixEpoch: [["time"], void 0, (t) => String(Math.floor(t.ms / 1e3))],
    // strings
    abbrev: [[N, S], void 0, (w, s) => w.v < 4n ? s : abbreviateFull(s, 0, Number(w.v))],
    abbrevboth: [[N, N, S], void 0, (l, r, s) => r.v < 4n || l.v > 0n && r.v < 7n ? s : abbreviateFull(s, Number(l.v), Number(r.v))],
    trunc: [[N, S], void 0, (c, s) => {
      const b = toBytes(s);
      const n = Number(c.v);
      if (n < 0 && b.length + n > 0) return fromBytes(b.subarray(b.length + n));
      if (n >= 0 && b.length > n) return fromBytes(b.subarray(0, n));
      return s;
    }],
    trim: [[S], void 0, trimSpaceGo],
    upper: [[S], void 0, upperGo],
    lower: [[S], void 0, lowerGo],
    title: [[S], void 0, titleGo],
    untitle: [[S], void 0, uncapitalize],
    substr: [[N, N, S], void 0, (a, e, s) => {
      const b = toBytes(s);
      const start = Number(a.v), end = Number(e.v);
      const chk = (x, y) => {
        if (x < 0 || y > b.length || x > y) throw new Error(`runtime error: slice bounds out of range [${x > y && y <= b.length ? x + ":" + y : ":" + y}] with length ${b.length}`.replace("[:" + y + "] with length", y > b.length ? `[:${y}] with length` : `[${x}:${y}]`));
        return fromBytes(b.subarray(x, y));
      };
      if (start < 0) return chk(0, end);
      if (end < 0 || end > b.length) {
        if (start > b.length) throw new Error(`runtime error: slice bounds out of range [${start}:${b.length}]`);
        return fromBytes(b.subarray(start));
      }
      if (start > end) throw new Error(`runtime error: slice bounds out of range [${start}:${end}]`);
      return fromBytes(b.subarray(start, end));
    }],
    repeat: [[N, S], void 0, (c, s) => repeatGo(s, c.v)],
    trimall: [[S, S], void 0, (a, b) => trimCutset(b, a)],
    trimAll: [[S, S], void 0, (a, b) => trimCutset(b, a)],
    trimSuffix: [[S, S], void 0, (a, b) => a !== "" && b.endsWith(a) ? b.slice(0, b.length - a.length) : b],
    trimPrefix: [[S, S], void 0, (a, b) => b.startsWith(a) ? b.slice(a.length) : b],
    nospace: [[S], void 0, deleteWhiteSpace],
    initials: [[S], void 0, initials],
    randAlphaNum: [[N], void 0, (n) => randomString(Number(n.v), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")],
    randAlpha: [[N], void 0, (n) => randomString(Number(n.v), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")],
    randAscii: [[N], void 0, (n) => randomString(Number(n.v), Array.from({ length: 94 }, (_, i) => String.fromCharCode(32 + i)).join(""))],
    randNumeric: [[N], void 0, (n) => randomString(Number(n.v), "0123456789")],
    swapcase: [[S], void 0, swapCaseGoutils],
    shuffle: [[S], void 0, (s) => {
      const r = [...s];
      for (let i = r.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [r[i], r[j]] = [r[j], r[i]];
      }
      return r.join("");
    }],
    snakecase: [[S], void 0, (s) => camelToLower(s, "_")],
    camelcase: [[S], void 0, toCamelCase],
    kebabcase: [[S], void 0, (s) => camelToLower(s, "-")],
    wrap: [[N, S], void 0, (l, s) => wrapCustom(s, Number(l.v), "\n", false)],
    wrapWith: [[N, S, S], void 0, (l, sep, s) => wrapCustom(s, Number(l.v), sep, true)],
    contains: [[S, S], void 0, (a, b) => b.includes(a)],
    hasPrefix: [[S, S], void 0, (a, b) => b.startsWith(a)],
    hasSuffix: [[S, S], void 0, (a, b) => b.endsWith(a)],
    quote: [[], A, (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => quoteGo(strval(x))).join(" ")],
    squote: [[], A, (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => "'" + formatV(x) + "'").join(" ")],
    cat: [[], A, (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => formatV(x)).join(" ")],
    indent: [[N, S], void 0, (n, s) => {
      const pad2 = repeatGo(" ", n.v);
      return pad2 + s.split("\n").join("\n" + pad2);
    }],
    nindent: [[N, S], void 0, (n, s) => {
      const pad2 = repeatGo(" ", n.v);
      return "\n" + pad2 + s.split("\n").join("\n" + pad2);
    }],
    replace: [[S, S, S], void 0, (o, n, s) => replaceAllGo(s, o, n)],
    plural: [[S, S, N], void 0, (one2, many, c) => c.v === 1n ? one2 : many],
    sha1sum: [[S], void 0, (s) => createHash3("sha1").update(toBytes(s)).digest("hex")],
    sha256sum: [[S], void 0, (s) => createHash3("sha256").update(toBytes(s)).digest("hex")],
    sha512sum: [[S], void 0, (s) => createHash3("sha512").update(toBytes(s)).digest("hex")],
    adler32sum: [[S], void 0, adler32],
    toString: [[A], void 0, (v) => strval(v ?? null)],
    atoi: [[S], void 0, (s) => {
      const m = /^[+-]?\d+$/.exec(s);
      if (!m) return I(0n);
      const v = BigInt(s);
      return I(v > 0x7fffffffffffffffn || v < -0x8000000000000000n ? 0n : v);
    }],
    int64: [[A], void 0, toInt64],
    int: [[A], void 0, (v) => I(toInt64(v))],
    float64: [[A], void 0, toFloat64],
    seq: [[], N, seq2],
    toDecimal: [[A], void 0, (v) => {
      const s = formatV(v ?? null);
      return /^[+-]?[0-7]+$/.test(s) ? BigInt.asIntN(64, BigInt((s[0] === "-" ? "-" : "") + "0o" + s.replace(/^[+-]/, ""))) : 0n;
    }],
    split: [[S, S], void 0, (sep, s) => {
      const r = {};
      splitGo(s, sep, -1).forEach((p, i) => {
        r["_" + i] = p;
      });
      return tagType(r, "map[string]string");
    }],
    splitList: [[S, S], void 0, (sep, s) => strSlice(splitGo(s, sep, -1))],
    splitn: [[S, N, S], void 0, (sep, n, s) => {
      const r = {};
      splitGo(s, sep, Number(n.v)).forEach((p, i) => {
        r["_" + i] = p;
      });
      return tagType(r, "map[string]string");
    }],
    toStrings: [[A], void 0, strslice],
    until: [[N], void 0, (c) => untilStep(0n, c.v, c.v < 0n ? -1n : 1n)],
    untilStep: [[N, N, N], void 0, (a, b, c) => untilStep(a.v, b.v, c.v)],
    add1: [[A], void 0, (i) => i64(toInt64(i) + 1n)],
    add: [[], A, (...a) => a.reduce((s, x) => i64(s + toInt64(x)), 0n)],
    sub: [[A, A], void 0, (a, b) => i64(toInt64(a) - toInt64(b))],
    div: [[A, A], void 0, (a, b) => {
      const d = toInt64(b);
      if (d === 0n) throw new Error("runtime error: integer divide by zero");
      return i64(toInt64(a) / d);
    }],
    mod: [[A, A], void 0, (a, b) => {
      const d = toInt64(b);
      if (d === 0n) throw new Error("runtime error: integer divide by zero");
      return toInt64(a) % d;
    }],
    mul: [[A], A, (a, ...v) => v.reduce((s, x) => i64(s * toInt64(x)), toInt64(a))],
    randInt: [[N, N], void 0, (a, b) => {
      const n = b.v - a.v;
      if (n <= 0n) throw new Error("invalid argument to Intn");
      return I(a.v + BigInt(randomInt(Number(n > 281474976710655n ? 281474976710655n : n))));
    }],
    add1f: [[A], void 0, (i) => decimalOp(i, [1], "+")],
    addf: [[], A, (...i) => decimalOp(0, i, "+")],
    subf: [[A], A, (a, ...v) => decimalOp(a, v, "-")],
    divf: [[A], A, (a, ...v) => decimalOp(a, v, "/")],
    mulf: [[A], A, (a, ...v) => decimalOp(a, v, "*")],
    biggest: [[A], A, (a, ...v) => v.reduce((m, x) => {
      const b = toInt64(x);
      return b > m ? b : m;
    }, toInt64(a))],
    max: [[A], A, (a, ...v) => v.reduce((m, x) => {
      const b = toInt64(x);
      return b > m ? b : m;
    }, toInt64(a))],
    min: [[A], A, (a, ...v) => v.reduce((m, x) => {
      const b = toInt64(x);
      return b < m ? b : m;
    }, toInt64(a))],
    maxf: [[A], A, (a, ...v) => v.reduce((m, x) => goMax(m, toFloat64(x)), toFloat64(a))],
    minf: [[A], A, (a, ...v) => v.reduce((m, x) => goMin(m, toFloat64(x)), toFloat64(a))],
    ceil: [[A], void 0, (a) => Math.ceil(toFloat64(a))],
    floor: [[A], void 0, (a) => Math.floor(toFloat64(a))],
    round: [[A, N], F, roundGo],
    join: [[S, A], void 0, (sep, v) => strslice(v).join(sep)],
    sortAlpha: [[A], void 0, (v) => {
      if (Array.isArray(v) || v instanceof Uint8Array) return strSlice(strslice(v).slice().sort(cmpBytes));
      return strSlice([strval(v ?? null)]);
    }],
    // defaults
    default: [[A], A, (d, ...given) => given.length === 0 || empty(given[0]) ? d : given[0]],
    empty: [[A], void 0, empty],
    coalesce: [[], A, (...v) => {
      for (const x of v) if (!empty(x)) return x;
      return null;
    }],
    all: [[], A, (...v) => v.every((x) => !empty(x))],
    any: [[], A, (...v) => v.some((x) => !empty(x))],
    compact: [[A], void 0, (l) => listOp("compact", l, (x) => x.filter((e) => !empty(e)), false)],
    mustCompact: [[A], void 0, (l) => listOp("compact", l, (x) => x.filter((e) => !empty(e)), true)],
    fromJson: [[S], void 0, (s) => {
      try {
        return unmarshalJSON(s);
      } catch {
        return null;
      }
    }],
    mustFromJson: [[S], void 0, (s) => unmarshalJSON(s)],
    toJson: [[A], void 0, (v) => {
      try {
        return marshalJSON(v);
      } catch {
        return "";
      }
    }],
    mustToJson: [[A], void 0, (v) => marshalJSON(v)],
    toPrettyJson: [[A], void 0, (v) => {
      try {
        return marshalJSON(v, true, "  ");
      } catch {
        return "";
      }
    }],
    mustToPrettyJson: [[A], void 0, (v) => marshalJSON(v, true, "  ")],
    toRawJson: [[A], void 0, (v) => marshalJSON(v, false)],
    mustToRawJson: [[A], void 0, (v) => marshalJSON(v, false)],
    ternary: [[A, A, "bool"], void 0, (a, b, c) => c ? a : b],
    deepCopy: [[A], void 0, (v) => {
      if (v === null || v === void 0) throw new Error("reflect: call of reflect.Value.Type on zero Value");
      return deepCopy(v);
    }],
    mustDeepCopy: [[A], void 0, (v) => v === null || v === void 0 ? null : deepCopy(v)],
    typeOf: [[A], void 0, (v) => typeName(v ?? null)],
    typeIs: [[S, A], void 0, (t, v) => t === typeName(v ?? null)],
    typeIsLike: [[S, A], void 0, (t, v) => {
      const n = typeName(v ?? null);
      return t === n || "*" + t === n;
    }],
    kindOf: [[A], void 0, (v) => kindName(v ?? null)],
    kindIs: [[S, A], void 0, (t, v) => t === kindName(v ?? null)],
    deepEqual: [[A, A], void 0, deepEqual],
    getHostByName: [[S], void 0, (_h) => ""],
    base: [[S], void 0, pathBase],
    dir: [[S], void 0, pathDir],
    clean: [[S], void 0, pathClean],
    ext: [[S], void 0, pathExt],
    isAbs: [[S], void 0, (p) => p.startsWith("/")],
    osBase: [[S], void 0, pathBase],
    osClean: [[S], void 0, pathClean],
    osDir: [[S], void 0, pathDir],
    osExt: [[S], void 0, pathExt],
    osIsAbs: [[S], void 0, (p) => p.startsWith("/")],
    b64enc: [[S], void 0, (s) => Buffer.from(toBytes(s)).toString("base64")],
    b64dec: [[S], void 0, (s) => {
      try {
        return b64dec(s);
      } catch (e) {
        return e.message;
      }
    }],
    b32enc: [[S], void 0, base32],
    b32dec: [[S], void 0, (s) => {
      try {
        return base32dec(s);
      } catch (e) {
        return e.message;
      }
    }],
    tuple: [[], A, (...v) => v.map((x) => x === void 0 ? null : x)],
    list: [[], A, (...v) => v.map((x) => x === void 0 ? null : x)],
    dict: [[], A, dict],
    get: [[M, S], void 0, (d, k) => {
      if (!d) return "";
      const [ok, v] = getOwn(d, k);
      return ok ? v ?? null : "";
    }],
    set: [[M, S, A], void 0, (d, k, v) => {
      if (!d) throw new Error("assignment to entry in nil map");
      setKey(d, k, v ?? null);
      return d;
    }],
    unset: [[M, S], void 0, (d, k) => {
      if (d) delete d[k];
      return d ?? nilMap();
    }],
    hasKey: [[M, S], void 0, (d, k) => !!d && Object.prototype.hasOwnProperty.call(d, k)],
    pluck: [[S], M, (k, ...ds) => {
      const r = [];
      for (const d of ds) if (d) {
        const [ok, v] = getOwn(d, k);
        if (ok) r.push(v ?? null);
      }
      return r;
    }],
    keys: [[], M, (...ds) => {
      const r = [];
      for (const d of ds) if (d) r.push(...Object.keys(d));
      return strSlice(r);
    }],
    pick: [[M], S, (d, ...ks) => {
      const r = {};
      for (const k of ks) if (d) {
        const [ok, v] = getOwn(d, k);
        if (ok) setKey(r, k, v);
      }
      return r;
    }],
    omit: [[M], S, (d, ...ks) => {
      const r = {};
      const o = new Set(ks);
      if (d) {
        for (const k of Object.keys(d)) if (!o.has(k)) setKey(r, k, d[k]);
      }
      return r;
    }],
    merge: [[M], M, (d, ...s) => mergeTop(d, s, false)],
    mergeOverwrite: [[M], M, (d, ...s) => mergeTop(d, s, true)],
    mustMerge: [[M], M, (d, ...s) => mergeTop(d, s, false)],
    mustMergeOverwrite: [[M], M, (d, ...s) => mergeTop(d, s, true)],
    values: [[M], void 0, (d) => d ? Object.values(d) : []],
    append: [[A, A], void 0, (l, v) => listOp("push", l, (x) => [...x, v ?? null], false)],
    push: [[A, A], void 0, (l, v) => listOp("push", l, (x) => [...x, v ?? null], false)],
    mustAppend: [[A, A], void 0, (l, v) => listOp("push", l, (x) => [...x, v ?? null], true)],
    mustPush: [[A, A], void 0, (l, v) => listOp("push", l, (x) => [...x, v ?? null], true)],
    prepend: [[A, A], void 0, (l, v) => listOp("prepend", l, (x) => [v ?? null, ...x], false)],
    mustPrepend: [[A, A], void 0, (l, v) => listOp("prepend", l, (x) => [v ?? null, ...x], true)],
    first: [[A], void 0, (l) => listOp("find first", l, (x) => x.length ? x[0] : null, false)],
    mustFirst: [[A], void 0, (l) => listOp("find first", l, (x) => x.length ? x[0] : null, true)],
    rest: [[A], void 0, (l) => listOp("find rest", l, (x) => x.length ? x.slice(1) : nilSlice(), false)],
    mustRest: [[A], void 0, (l) => listOp("find rest", l, (x) => x.length ? x.slice(1) : nilSlice(), true)],
    last: [[A], void 0, (l) => listOp("find last", l, (x) => x.length ? x[x.length - 1] : null, false)],
    mustLast: [[A], void 0, (l) => listOp("find last", l, (x) => x.length ? x[x.length - 1] : null, true)],
    initial: [[A], void 0, (l) => listOp("find initial", l, (x) => x.length ? x.slice(0, -1) : nilSlice(), false)],
    mustInitial: [[A], void 0, (l) => listOp("find initial", l, (x) => x.length ? x.slice(0, -1) : nilSlice(), true)],
    reverse: [[A], void 0, (l) => listOp("find reverse", l, (x) => x.slice().reverse(), false)],
    mustReverse: [[A], void 0, (l) => listOp("find reverse", l, (x) => x.slice().reverse(), true)],
    uniq: [[A], void 0, (l) => listOp("find uniq", l, (x) => {
      const d = [];
      for (const e of x) if (!d.some((y) => deepEqual(e, y))) d.push(e);
      return d;
    }, false)],
    mustUniq: [[A], void 0, (l) => listOp("find uniq", l, (x) => {
      const d = [];
      for (const e of x) if (!d.some((y) => deepEqual(e, y))) d.push(e);
      return d;
    }, true)],
    without: [[A], A, (l, ...o) => listOp("find without", l, (x) => x.filter((e) => !o.some((y) => deepEqual(e, y ?? null))), false)],
    mustWithout: [[A], A, (l, ...o) => listOp("find without", l, (x) => x.filter((e) => !o.some((y) => deepEqual(e, y ?? null))), true)],
    has: [[A, A], void 0, (n, h) => h === null || h === void 0 ? false : listOp("find has", h, (x) => x.some((e) => deepEqual(n ?? null, e)), false)],
    mustHas: [[A, A], void 0, (n, h) => h === null || h === void 0 ? false : listOp("find has", h, (x) => x.some((e) => deepEqual(n ?? null, e)), true)],
    slice: [[A], A, (l, ...ix) => sliceList(l, ix)],
    mustSlice: [[A], A, (l, ...ix) => sliceList(l, ix)],
    concat: [[], A, (...ls) => {
      const r = nilSlice();
      for (const l of ls) {
        const k = kindOfForErr(l);
        const x = asList(l);
        if (!x) throw new Error(`Cannot concat type ${k} as list`);
        r.push(...x);
      }
      if (r.length) delete r[/* @__PURE__ */ Symbol.for("werf-action.gotemplate.nilslice")];
      return r;
    }],
    dig: [[], A, (...ps) => {
      if (ps.length < 3) throw new Error("dig needs at least three arguments");
      let d = ps[ps.length - 1];
      if (!isGoMap(d) || d[GO_TYPE]) throw new Error(`interface conversion: interface {} is ${d === null || d === void 0 ? "nil" : typeName(d)}, not map[string]interface {}`);
      const def = ps[ps.length - 2];
      const ks = ps.slice(0, -2).map((k) => {
        if (typeof k !== "string") throw new Error(`interface conversion: interface {} is ${k === null || k === void 0 ? "nil" : typeName(k)}, not string`);
        return k;
      });
      for (let i = 0; i < ks.length; i++) {
        const [ok, v] = getOwn(d, ks[i]);
        if (!ok) return def;
        if (i === ks.length - 1) return v;
        if (!isGoMap(v)) throw new Error(`interface conversion: interface {} is ${v === null || v === void 0 ? "nil" : typeName(v)}, not map[string]interface {}`);
        d = v;
      }
      return def;
    }],
    chunk: [[N, A], void 0, (size, l) => chunk(Number(size.v), l)],
    mustChunk: [[N, A], void 0, (size, l) => chunk(Number(size.v), l)],
    // crypto (deterministic ones are exact; the random ones keep their shape)
    derivePassword: [["uint32", S, S, S, S], void 0, derivePassword],
    encryptAES: [[S, S], void 0, encryptAES],
    decryptAES: [[S, S], void 0, decryptAES],
    genPrivateKey: [[S], void 0, (typ) => {
      switch (typ) {
        case "":
        case "rsa":
          return generateKeyPairSync2("rsa", { modulusLength: 4096 }).privateKey.export({ type: "pkcs1", format: "pem" });
        case "ecdsa":
          return generateKeyPairSync2("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" });
        case "ed25519":
          return generateKeyPairSync2("ed25519").privateKey.export({ type: "pkcs8", format: "pem" });
        case "dsa":
          return genDSAKey();
        default:
          return "Unknown type " + typ;
      }
    }],
    bcrypt: [[S], void 0, sprigBcrypt],
    htpasswd: [[S, S], void 0, sprigHtpasswd],
    genCA: [[S, N], void 0, (cn, d) => genCA(cn, d.v)],
    genCAWithKey: [[S, N, S], void 0, (cn, d, k) => genCAWithKey(cn, d.v, k)],
    genSelfSignedCert: [[S, "[]any", "[]any", N], void 0, (cn, ips, dns, d) => genSelfSignedCert(cn, ips, dns, d.v)],
    genSelfSignedCertWithKey: [[S, "[]any", "[]any", N, S], void 0, (cn, ips, dns, d, k) => genSelfSignedCertWithKey(cn, ips, dns, d.v, k)],
    genSignedCert: [[S, "[]any", "[]any", N, A], void 0, (cn, ips, dns, d, ca) => genSignedCert(cn, ips, dns, d.v, ca)],
    genSignedCertWithKey: [[S, "[]any", "[]any", N, A, S], void 0, (cn, ips, dns, d, ca, k) => genSignedCertWithKey(cn, ips, dns, d.v, ca, k)],
    buildCustomCert: [[S, S], void 0, buildCustomCert],
    randBytes: [[N], void 0, (n) => randomBytes2(Number(n.v)).toString("base64")],
    uuidv4: [[], void 0, () => randomUUID()],
    semver: [[S], void 0, parseSemver],
    semverCompare: [[S, S], void 0, semverCompare],
    fail: [[S], void 0, (m) => {
      throw new Error(m);
    }],
    regexMatch: [[S, S], void 0, (r, s) => regexMatch(r, s)],
    mustRegexMatch: [[S, S], void 0, (r, s) => regexMatch(r, s)],
    regexFindAll: [[S, S, N], void 0, (r, s, n) => nilIfEmpty(findAll(r, s, Number(n.v)))],
    mustRegexFindAll: [[S, S, N], void 0, (r, s, n) => nilIfEmpty(findAll(r, s, Number(n.v)))],
    regexFind: [[S, S], void 0, (r, s) => find(r, s)],
    mustRegexFind: [[S, S], void 0, (r, s) => find(r, s)],
    regexReplaceAll: [[S, S, S], void 0, (r, s, p) => replaceAll(r, s, p, false)],
    mustRegexReplaceAll: [[S, S, S], void 0, (r, s, p) => replaceAll(r, s, p, false)],
    regexReplaceAllLiteral: [[S, S, S], void 0, (r, s, p) => replaceAll(r, s, p, true)],
    mustRegexReplaceAllLiteral: [[S, S, S], void 0, (r, s, p) => replaceAll(r, s, p, true)],
    regexSplit: [[S, S, N], void 0, (r, s, n) => n.v === 0n ? nilIfEmpty([]) : strSlice(split(r, s, Number(n.v)))],
    mustRegexSplit: [[S, S, N], void 0, (r, s, n) => n.v === 0n ? nilIfEmpty([]) : strSlice(split(r, s, Number(n.v)))],
    regexQuoteMeta: [[S], void 0, quoteMeta],
    urlParse: [[S], void 0, urlParse],
    urlJoin: [[M], void 0, urlJoin]
  };
  if (opts.env) {
    const get = opts.getenv ?? (() => void 0);
    fns.env = [[S], void 0, (k) => get(k) ?? ""];
    fns.expandenv = [[S], void 0, (s) => s.replace(/\$\{([^}]*)\}|\$([A-Za-z0-9_]+|[*#$@!?-]|[0-9])/g, (_, a, b) => get(a ?? b) ?? "")];
  }
  const out = {};
  for (const [k, [params, variadic, fn]] of Object.entries(fns)) {
    const e = { params, variadic, fn };
    out[k] = opts.typed ? e : fn;
  }
  return out;
}
function nilIfEmpty(a) {
  return a.length ? strSlice(a) : strSlice(nilSlice());
}
function repeatGo(s, n) {
  if (n < 0n) throw new Error("strings: negative Repeat count");
  if (BigInt(s.length) * n > 64n * 1024n * 1024n) throw new Error("strings: Repeat output length overflow");
  return s.repeat(Number(n));
}
function goMax(a, b) {
  if (a !== a || b !== b) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return a > b ? a : b;
}
function goMin(a, b) {
  if (a !== a || b !== b) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return a < b ? a : b;
}
function mergeTop(d, srcs, overwrite) {
  if (!d) d = {};
  for (const s of srcs) if (s) mergeMaps(d, s, overwrite);
  return d;
}
function strslice(v) {
  if (Array.isArray(v) && v[GO_TYPE] === "[]string") return v;
  if (Array.isArray(v)) return strSlice(v.filter((x) => x !== null && x !== void 0).map(strval));
  if (v instanceof Uint8Array) return strSlice(Array.from(v, String));
  if (v === null || v === void 0) return strSlice([]);
  return strSlice([strval(v)]);
}
function sliceList(l, ix) {
  const k = kindOfForErr(l);
  const x = asList(l);
  if (!x) throw new Error(`list should be type of slice or array but ${k}`);
  if (x.length === 0) return null;
  const start = ix.length > 0 ? Number(toInt64(ix[0])) : 0;
  const end = ix.length < 2 ? x.length : Number(toInt64(ix[1]));
  if (start < 0 || end > x.length || start > end) throw new Error(`reflect: slice index out of range`);
  const r = x.slice(start, end);
  const t = l[GO_TYPE];
  return t ? tagType(r, t) : r;
}
function chunk(size, l) {
  const k = kindOfForErr(l);
  const x = asList(l);
  if (!x) throw new Error(`Cannot chunk type ${k}`);
  const n = x.length;
  const cs = Math.floor((n - 1) / size) + 1;
  if (!isFinite(cs) || cs < 0) throw new Error("runtime error: makeslice: len out of range");
  const out = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(n % size);
      if (clen === 0) clen = size;
    }
    const c = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * size + j;
      if (ix >= n) throw new Error(`runtime error: index out of range [${ix}] with length ${n}`);
      c.push(x[ix]);
    }
    out.push(c);
  }
  return tagType(out, "[][]interface {}");
}
function trimCutset(s, cutset) {
  if (s === "" || cutset === "") return s;
  const set2 = /* @__PURE__ */ new Set([...cutset]);
  const rs = [...s];
  let a = 0, b = rs.length;
  while (a < b && set2.has(rs[a])) a++;
  while (b > a && set2.has(rs[b - 1])) b--;
  return rs.slice(a, b).join("");
}
function replaceAllGo(s, old, nw) {
  if (old === nw) return s;
  if (old === "") {
    const rs = [...s];
    return nw + rs.map((r) => r + nw).join("");
  }
  return s.split(old).join(nw);
}
function splitGo(s, sep, n) {
  if (n === 0) return [];
  if (sep === "") {
    const rs = [...s];
    if (n < 0 || n > rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}
function randomString(n, alphabet) {
  if (n < 0) throw new Error(`Requested random string length ${n} is less than 0.`);
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}
function durationRound(v) {
  let d;
  if (typeof v === "string") {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (typeof v === "bigint" || v instanceof GoInt) d = typeof v === "bigint" ? v : v.v;
  else if (v instanceof GoTime) d = BigInt(Date.now() - v.ms) * 1000000n;
  else d = 0n;
  let u = d < 0n ? -d : d;
  const neg = d < 0n;
  const sec = 1000000000n, min = 60n * sec, hour = 60n * min, day = 24n * hour, month = 30n * day, year = 365n * day;
  const r = (x, unit, suffix) => (neg ? "-" : "") + x / unit + suffix;
  if (u > year) return r(u, year, "y");
  if (u > month) return r(u, month, "mo");
  if (u > day) return r(u, day, "d");
  if (u > hour) return r(u, hour, "h");
  if (u > min) return r(u, min, "m");
  if (u > sec) return r(u, sec, "s");
  u = 0n;
  return "0s";
}
var templateClasses = {
  maximum: ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
  long: ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"],
  medium: ["CvcnoCvc", "CvcCvcno"],
  short: ["Cvcn"],
  basic: ["aaanaaan", "aannaaan", "aaannaaa"],
  pin: ["nnnn"]
};
var templateCharacters = {
  V: "AEIOU",
  C: "BCDFGHJKLMNPQRSTVWXYZ",
  v: "aeiou",
  c: "bcdfghjklmnpqrstvwxyz",
  A: "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
  a: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
  n: "0123456789",
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()"
};
function derivePassword(counter, ptype, password, user, site) {
  const templates = templateClasses[ptype];
  if (!templates) return `cannot find password template ${ptype}`;
  const u8 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0);
    return b;
  };
  const ns = "com.lyndir.masterpassword";
  const salt = Buffer.concat([Buffer.from(ns), u8(Buffer.byteLength(user)), Buffer.from(user)]);
  const key = scryptSync(Buffer.from(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 256 * 1024 * 1024 });
  const siteSalt = Buffer.concat([Buffer.from(ns), u8(Buffer.byteLength(site)), Buffer.from(site), u8(Number(counter.v))]);
  const seed = createHmac("sha256", key).update(siteSalt).digest();
  const tpl = templates[seed[0] % templates.length];
  let out = "";
  for (let i = 0; i < tpl.length; i++) {
    const chars = templateCharacters[tpl[i]];
    out += chars[seed[i + 1] % chars.length];
  }
  return out;
}
function encryptAES(password, plaintext) {
  if (plaintext === "") return "";
  const key = Buffer.alloc(32);
  Buffer.from(password).copy(key);
  const content = Buffer.from(plaintext);
  const padding = 16 - content.length % 16;
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const iv = randomBytes2(16);
  const c = createCipheriv("aes-256-cbc", key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([iv, c.update(padded), c.final()]).toString("base64");
}
function decryptAES(password, crypt64) {
  if (crypt64 === "") return "";
  const key = Buffer.alloc(32);
  Buffer.from(password).copy(key);
  const crypt = Buffer.from(crypt64, "base64");
  if (crypt.length < 16) throw new Error("ciphertext too short");
  const iv = crypt.subarray(0, 16);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error("ciphertext is not a multiple of the block size");
  const d = createDecipheriv("aes-256-cbc", key, iv);
  d.setAutoPadding(false);
  const dec = Buffer.concat([d.update(body), d.final()]);
  const pad2 = dec[dec.length - 1];
  return dec.subarray(0, dec.length - pad2).toString("utf8");
}

// packages/gotemplate/src/template.ts
var BUILTINS = builtinFuncs();
var SPRIG;
function plainFunc(f) {
  return toEntry((...args) => f(...args.map((a) => a instanceof GoInt ? a.v : a)));
}
var Templates = class _Templates {
  options;
  trees;
  funcs;
  base;
  delims;
  hasFuncBound;
  constructor(options = {}, share) {
    this.options = {
      missingKey: options.missingKey ?? "default",
      maxOutputBytes: options.maxOutputBytes ?? 64 * 1024 * 1024,
      maxTemplateDepth: options.maxIncludeDepth ?? 1e5
    };
    this.delims = options.delims ?? ["{{", "}}"];
    this.trees = share ? new Map(share.trees) : /* @__PURE__ */ new Map();
    if (share) {
      this.funcs = share.funcs;
      this.base = share.base;
    } else {
      this.funcs = /* @__PURE__ */ new Map();
      this.base = options.noSprig ? {} : SPRIG ??= sprigFuncs({ env: false, typed: true });
      for (const [k, v] of Object.entries(options.typedFuncs ?? {})) this.funcs.set(k, v);
      for (const [k, v] of Object.entries(options.funcs ?? {})) this.funcs.set(k, plainFunc(v));
    }
    this.hasFuncBound = (n) => this.funcs.has(n) || Object.prototype.hasOwnProperty.call(this.base, n) || Object.prototype.hasOwnProperty.call(BUILTINS, n);
  }
  /** Adds or replaces functions (Go's Funcs); typed entries keep Go's argument checks. */
  addFuncs(funcs, typed = false) {
    for (const [k, v] of Object.entries(funcs)) this.funcs.set(k, typed || typeof v !== "function" ? toEntry(v) : plainFunc(v));
    return this;
  }
  /** Parses `text` as template `name` (plus its {{define}}s). Throws TemplateError with Go's message. */
  parse(name2, text2) {
    let trees;
    try {
      trees = parseTemplate(name2, text2, this.delims[0], this.delims[1], this.hasFuncBound);
    } catch (e) {
      if (e instanceof ParseError) throw new TemplateError(e.message, e.parseName, e.line);
      throw e;
    }
    for (const [n, t] of trees) {
      const old = this.trees.get(n);
      if (old && isEmptyTree(t.root)) continue;
      this.trees.set(n, t);
    }
    if (!this.trees.has(name2)) this.trees.set(name2, trees.get(name2));
    return this;
  }
  has(name2) {
    return this.trees.has(name2);
  }
  names() {
    return [...this.trees.keys()];
  }
  lookup(name2) {
    return this.trees.get(name2);
  }
  func(name2) {
    return this.funcs.get(name2) ?? (Object.prototype.hasOwnProperty.call(this.base, name2) ? this.base[name2] : void 0) ?? (Object.prototype.hasOwnProperty.call(BUILTINS, name2) ? BUILTINS[name2] : void 0);
  }
  /** A copy of the namespace sharing the functions (Go's Clone), e.g. for Helm's tpl. */
  clone(options) {
    const c = new _Templates({ delims: this.delims }, { trees: this.trees, funcs: this.funcs, base: this.base });
    Object.assign(c.options, this.options, options ?? {});
    return c;
  }
  /** Executes template `name` with `data` as dot; `depth` counts enclosing executions (include/tpl). */
  execute(name2, data, rootName = name2, depth = 0) {
    const tree = this.trees.get(name2);
    if (!tree) throw new TemplateError(`template: no template ${JSON.stringify(name2)} associated with template ${JSON.stringify(rootName)}`, name2);
    if (depth > this.options.maxTemplateDepth) throw new TemplateError(`template: ${name2}: exceeded maximum template depth (${this.options.maxTemplateDepth})`, name2);
    const st = new State(this, name2, tree, data, depth);
    try {
      st.walk(data, false, tree.root);
    } catch (e) {
      if (e instanceof RangeError && /call stack/.test(e.message)) {
        throw new TemplateError(`template: ${name2}: exceeded maximum template depth (JavaScript stack exhausted)`, name2);
      }
      throw e;
    }
    return st.out;
  }
};

// packages/gotemplate/src/yaml.ts
var import_yaml2 = __toESM(require_dist(), 1);
function toYV(v) {
  switch (typeof v) {
    case "string":
      return v.includes("\x85") ? foldNEL(v) : v;
    case "number":
      return { num: yamlNumber(jsonFloat(v)) };
    case "bigint":
      return { num: v.toString() };
    case "boolean":
      return v;
    case "undefined":
      return null;
    case "function":
      throw new JsonError(`json: unsupported type: ${typeName(v)}`);
  }
  if (v === null) return null;
  if (v instanceof GoInt) return { num: v.v.toString() };
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (v instanceof GoTime) return formatTime(v, "2006-01-02T15:04:05.999999999Z07:00");
  if (v instanceof GoStruct) {
    const j = v.toJSONValue?.();
    return j === void 0 ? { map: [] } : toYV(j);
  }
  if (Array.isArray(v)) {
    if (v[/* @__PURE__ */ Symbol.for("werf-action.gotemplate.nilslice")]) return null;
    return v.map(toYV);
  }
  if (isGoMap(v)) {
    if (v[/* @__PURE__ */ Symbol.for("werf-action.gotemplate.nilslice")] && Object.keys(v).length === 0) return null;
    const keys = Object.keys(v).sort(yamlKeyLess);
    return { map: keys.map((k) => [k, toYV(v[k])]) };
  }
  throw new JsonError(`json: unsupported type: ${typeName(v)}`);
}
function foldNEL(s) {
  return s.replace(/[ \t]*(\u0085[ \t]*)+/g, (m) => {
    const n = (m.match(/\u0085/g) ?? []).length;
    return n === 1 ? " " : "\n".repeat(n - 1);
  });
}
function yamlNumber(t) {
  if (/^-?\d+$/.test(t)) {
    const b = BigInt(t);
    if (b >= -0x8000000000000000n && b <= 0xffffffffffffffffn) return b.toString();
  }
  return formatFloatG(Number(t));
}
var isLetterRe = new RegExp("\\p{L}", "u");
var isDigitRe = new RegExp("\\p{Nd}", "u");
function yamlKeyLess(a, b) {
  const ar = [...a], br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetterRe.test(ar[i]), bl = isLetterRe.test(br[i]);
    if (al && bl) return ar[i].codePointAt(0) < br[i].codePointAt(0) ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0n, bn = 0n;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigitRe.test(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigitRe.test(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigitRe.test(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i].codePointAt(0) < br[i].codePointAt(0) ? -1 : 1;
  }
  return ar.length < br.length ? -1 : ar.length > br.length ? 1 : 0;
}
var RESOLVE_MAP = /* @__PURE__ */ new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
  "<<"
]);
var yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
function goParseInt(s, unsigned) {
  let t = s;
  if (t[0] === "+" || t[0] === "-") {
    if (unsigned) return false;
    t = t.slice(1);
  }
  let v;
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = BigInt(t);
    else if (/^0[oO][0-7]+$/.test(t)) v = BigInt("0o" + t.slice(2));
    else if (/^0[bB][01]+$/.test(t)) v = BigInt("0b" + t.slice(2));
    else if (/^0[0-7]+$/.test(t)) v = BigInt("0o" + t.slice(1));
    else if (/^(0|[1-9][0-9]*)$/.test(t)) v = BigInt(t);
    else return false;
  } catch {
    return false;
  }
  if (s[0] === "-") v = -v;
  return unsigned ? v <= 0xffffffffffffffffn : v >= -0x8000000000000000n && v <= 0x7fffffffffffffffn;
}
function isTimestamp(s) {
  if (!/^\d{4}-/.test(s)) return false;
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) || /^\d{4}-\d{1,2}-\d{1,2}[Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s) && validDate(s);
}
function validDate(s) {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  const mo = +m[2], d = +m[3];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}
function resolvesToNonString(s) {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === ".") return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) || /^\.(inf|infinity|nan)$/i.test(s) === false && !isNaN(parseFloat(s)) && /^\.[0-9]/.test(s);
  if (c === "+" || c === "-" || c >= "0" && c <= "9") {
    if (isTimestamp(s) && (/^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ? validDate(s) : true)) return true;
    const plain = s.replace(/_/g, "");
    if (goParseInt(plain, false) || goParseInt(plain, true)) return true;
    if (yamlStyleFloat.test(plain)) return true;
    if (/^0b[01]+$/.test(plain) || /^-0b[01]+$/.test(plain)) return true;
  }
  return false;
}
var base60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
var BEST_WIDTH = 80;
function isPrintableCP(cp2) {
  return cp2 === 10 || cp2 >= 32 && cp2 <= 126 || cp2 >= 160 && cp2 <= 55295 || cp2 >= 57344 && cp2 <= 65533 && cp2 !== 65279;
}
function isBreakCP(cp2) {
  return cp2 === 13 || cp2 === 10 || cp2 === 133 || cp2 === 8232 || cp2 === 8233;
}
function analyze(value2) {
  if (value2.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let blockInd = false, flowInd = false, lineBreaks = false, special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
  let prevSpace = false, prevBreak = false;
  if (value2.startsWith("---") || value2.startsWith("...")) {
    blockInd = true;
    flowInd = true;
  }
  let preceded = true;
  const cps = [...value2].map((c) => c.codePointAt(0));
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const next = i + 1 < cps.length ? cps[i + 1] : -1;
    const followed = next === -1 || next === 32 || next === 9 || isBreakCP(next);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) {
        flowInd = true;
        blockInd = true;
      } else if (ch === "?" || ch === ":") {
        flowInd = true;
        if (followed) blockInd = true;
      } else if (ch === "-" && followed) {
        flowInd = true;
        blockInd = true;
      }
    } else {
      if (",?[]{}".includes(ch)) flowInd = true;
      else if (ch === ":") {
        flowInd = true;
        if (followed) blockInd = true;
      } else if (ch === "#" && preceded) {
        flowInd = true;
        blockInd = true;
      }
    }
    if (!isPrintableCP(c)) special = true;
    if (c === 32) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreakCP(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    preceded = c === 32 || c === 9 || isBreakCP(c);
  }
  const a = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (trailingSpace) a.block = false;
  if (breakSpace) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.single = false;
  }
  if (spaceBreak || special) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.single = false;
    a.block = false;
  }
  if (lineBreaks) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}
var Emitter = class {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  openEnded = false;
  put(s) {
    this.out += s;
    this.column += s.length;
  }
  putBreak() {
    this.out += "\n";
    this.column = 0;
  }
  writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || this.column === indent && !this.whitespace) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  indicator(s, needWS, isWS, isIndention) {
    if (needWS && !this.whitespace) this.put(" ");
    this.put(s);
    this.whitespace = isWS;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }
  writeChar(ch) {
    this.out += ch;
    this.column++;
  }
  plain(value2, allowBreaks, root) {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    const cps = [...value2];
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== " ") {
          this.writeIndent();
        } else this.writeChar(ch);
        spaces = true;
      } else {
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }
  single(value2, allowBreaks) {
    this.indicator("'", true, false, false);
    let spaces = false;
    const cps = [...value2];
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== " ") this.writeIndent();
        else this.writeChar(ch);
        spaces = true;
      } else {
        if (ch === "'") this.writeChar("'");
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
  double(value2, allowBreaks) {
    this.indicator('"', true, false, false);
    let spaces = false;
    const cps = [...value2];
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      const c = ch.codePointAt(0);
      if (!isPrintableCP(c) || c === 65279 || isBreakCP(c) || ch === '"' || ch === "\\") {
        this.writeChar("\\");
        const esc2 = { 0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e", 34: '"', 92: "\\", 133: "N", 160: "_", 8232: "L", 8233: "P" };
        if (esc2[c] !== void 0) this.put(esc2[c]);
        else if (c <= 255) this.put("x" + c.toString(16).toUpperCase().padStart(2, "0"));
        else if (c <= 65535) this.put("u" + c.toString(16).toUpperCase().padStart(4, "0"));
        else this.put("U" + c.toString(16).toUpperCase().padStart(8, "0"));
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === " ") this.put("\\");
        } else this.writeChar(ch);
        spaces = true;
      } else {
        this.writeChar(ch);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
  literal(value2) {
    this.indicator("|", true, false, false);
    const cps = [...value2];
    if (cps[0] === " " || isBreakCP(cps[0].codePointAt(0))) this.indicator("2", false, false, false);
    this.openEnded = false;
    const last = cps[cps.length - 1];
    if (!isBreakCP(last.codePointAt(0))) this.indicator("-", false, false, false);
    else if (cps.length === 1) {
      this.indicator("+", false, false, false);
      this.openEnded = true;
    } else if (isBreakCP(cps[cps.length - 2].codePointAt(0))) {
      this.indicator("+", false, false, false);
      this.openEnded = true;
    }
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of cps) {
      if (isBreakCP(ch.codePointAt(0))) {
        if (ch === "\r" || ch === "\n") this.putBreak();
        else {
          this.out += ch;
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.writeChar(ch);
        this.indention = false;
      }
    }
  }
  scalar(value2, style, simpleKey, flowLevel, root) {
    const a = analyze(value2);
    let s = style;
    if (simpleKey && a.multiline) s = "double";
    if (s === "plain") {
      if (flowLevel > 0 && !a.flowPlain || flowLevel === 0 && !a.blockPlain) s = "single";
      if (value2.length === 0 && (flowLevel > 0 || simpleKey)) s = "single";
    }
    if (s === "single" && !a.single) s = "double";
    if (s === "literal" && (!a.block || flowLevel > 0 || simpleKey)) s = "double";
    const saved = this.indent;
    this.indent = this.indent < 0 ? 2 : this.indent + 2;
    const allowBreaks = !simpleKey;
    switch (s) {
      case "plain":
        this.plain(value2, allowBreaks, root);
        break;
      case "single":
        this.single(value2, allowBreaks);
        break;
      case "double":
        this.double(value2, allowBreaks);
        break;
      case "literal":
        this.literal(value2);
        break;
    }
    this.indent = saved;
  }
  node(v, ctx) {
    if (v === null) return this.scalar("null", "plain", ctx.simpleKey, 0, ctx.root);
    if (typeof v === "boolean") return this.scalar(v ? "true" : "false", "plain", ctx.simpleKey, 0, ctx.root);
    if (typeof v === "string") {
      let style;
      const canPlain = !resolvesToNonString(v) && !base60.test(v);
      if (v.includes("\n")) style = "literal";
      else if (canPlain) style = "plain";
      else style = "double";
      return this.scalar(v, style, ctx.simpleKey, 0, ctx.root);
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        this.flowEmpty("[]");
        return;
      }
      const saved2 = this.indent;
      const indentless = ctx.mapping && !this.indention;
      this.indent = this.indent < 0 ? 0 : indentless ? this.indent : this.indent + 2;
      for (const item of v) {
        this.writeIndent();
        this.indicator("-", true, false, true);
        this.node(item, { root: false, mapping: false, simpleKey: false });
      }
      this.indent = saved2;
      return;
    }
    if ("num" in v) return this.scalar(v.num, "plain", ctx.simpleKey, 0, ctx.root);
    if (v.map.length === 0) {
      this.flowEmpty("{}");
      return;
    }
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + 2;
    for (const [k, val] of v.map) {
      this.writeIndent();
      const simple = [...k].length <= 128 && !analyze(k).multiline;
      if (simple) {
        this.node(k, { root: false, mapping: true, simpleKey: true });
        this.indicator(":", false, false, false);
      } else {
        this.indicator("?", true, false, true);
        this.node(k, { root: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.indicator(":", true, false, true);
      }
      this.node(val, { root: false, mapping: true, simpleKey: false });
    }
    this.indent = saved;
  }
  flowEmpty(s) {
    this.indicator(s[0], true, true, false);
    this.indicator(s[1], false, false, false);
  }
};
function marshalYAML(v) {
  const yv = toYV(v);
  const e = new Emitter();
  e.node(yv, { root: true, mapping: false, simpleKey: false });
  e.writeIndent();
  let out = e.out;
  if (e.openEnded && typeof yv === "string" && yv.includes("\n")) out += "...\n";
  return out;
}
function toYaml(v) {
  try {
    const s = marshalYAML(v);
    return s.endsWith("\n") ? s.slice(0, -1) : s;
  } catch {
    return "";
  }
}
function unmarshalYAML(s) {
  const doc = (0, import_yaml2.parseDocument)(s, {
    version: "1.1",
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
    merge: true,
    intAsBigInt: false,
    customTags: (tags) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp")
  });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new Error(`error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ""}${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  const js = doc.toJS({ maxAliasCount: 1e4 });
  return normalize(js, s);
}
function normalize(v, src) {
  if (v === void 0 || v === null) return null;
  if (typeof v === "number") {
    if (!isFinite(v)) throw new Error(`error converting YAML to JSON: json: unsupported value: ${v !== v ? "NaN" : v > 0 ? "+Inf" : "-Inf"}`);
    return v;
  }
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => normalize(x, src));
  if (v instanceof Map) {
    const o = {};
    for (const [k, x] of v) o[keyString(k)] = normalize(x, src);
    return o;
  }
  if (v instanceof Set) return [...v].map((x) => normalize(x, src));
  if (typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "__proto__") Object.defineProperty(o, k, { value: normalize(x, src), enumerable: true, writable: true, configurable: true });
      else o[k] = normalize(x, src);
    }
    return o;
  }
  return v;
}
function keyString(k) {
  if (typeof k === "string") return k;
  if (typeof k === "number") return Number.isInteger(k) ? String(k) : formatFloatG(k);
  if (typeof k === "boolean") return String(k);
  if (k === null || k === void 0) return "null";
  return String(k);
}

// packages/gotemplate/src/toml.ts
function tomlString(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "	":
        out += "\\t";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\r":
        out += "\\r";
        continue;
    }
    if (c < 32 || c === 127) out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}
function scalar(v) {
  if (typeof v === "string") return tomlString(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v.toString();
  if (v instanceof GoInt) return v.v.toString();
  if (typeof v === "number") {
    if (v !== v) return "nan";
    if (!isFinite(v)) return v > 0 ? "+inf" : "-inf";
    const s = formatFloatPrec(v, "f", -1);
    return s.includes(".") ? s : s + ".0";
  }
  return void 0;
}
function inline(m) {
  return "{ " + sortedKeys(m).map((k) => `${quoteKey(k)} = ${value(m[k])}`).join(", ") + " }";
}
function value(x) {
  if (Array.isArray(x)) return arr(x);
  if (isGoMap(x)) return inline(x);
  return scalar(x) ?? '""';
}
function arr(v) {
  return "[" + v.map(value).join(", ") + "]";
}
function toToml(v) {
  if (v === null || v === void 0) return "nil cannot be marshaled to TOML";
  if (!isGoMap(v)) return "Only a struct or map can be marshaled to TOML";
  checkNil(v);
  let out = "";
  const walk = (m, path, indent) => {
    const keys = sortedKeys(m);
    for (const k of keys) {
      const x = m[k];
      if (x === null || x === void 0) continue;
      if (isGoMap(x)) continue;
      const s = Array.isArray(x) ? arr(x) : scalar(x);
      if (s !== void 0) out += `${indent}${quoteKey(k)} = ${s}
`;
    }
    for (const k of keys) {
      const x = m[k];
      if (isGoMap(x)) {
        const p = [...path, quoteKey(k)];
        out += `
${indent}[${p.join(".")}]
`;
        walk(x, p, indent + "  ");
      }
    }
  };
  walk(v, [], "");
  return out;
}
function quoteKey(k) {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : tomlString(k);
}
function checkNil(v) {
  if (v === null || v === void 0) throw new Error("reflect: call of reflect.Value.Type on zero Value");
  if (Array.isArray(v)) v.forEach(checkNil);
  else if (isGoMap(v)) Object.values(v).forEach(checkNil);
}

// packages/gotemplate/src/helm.ts
function fromYaml(s) {
  try {
    const v = unmarshalYAML(s);
    if (v === null) return {};
    if (!isGoMap(v)) return { Error: `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? "array" : typeof v === "string" ? "string" : typeof v === "boolean" ? "bool" : "number"} into Go value of type map[string]interface {}` };
    return v;
  } catch (e) {
    return { Error: e.message };
  }
}
function fromYamlArray(s) {
  try {
    const v = unmarshalYAML(s);
    if (v === null) return [];
    if (!Array.isArray(v)) return [`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${isGoMap(v) ? "object" : typeof v === "string" ? "string" : typeof v === "boolean" ? "bool" : "number"} into Go value of type []interface {}`];
    return v;
  } catch (e) {
    return [e.message];
  }
}
function fromJson(s) {
  try {
    const v = unmarshalJSON(s);
    if (v === null) return {};
    if (!isGoMap(v)) return { Error: `json: cannot unmarshal ${Array.isArray(v) ? "array" : typeof v === "string" ? "string" : typeof v === "boolean" ? "bool" : "number"} into Go value of type map[string]interface {}` };
    return v;
  } catch (e) {
    return { Error: e.message };
  }
}
function fromJsonArray(s) {
  try {
    const v = unmarshalJSON(s);
    if (v === null) return [];
    if (!Array.isArray(v)) return [`json: cannot unmarshal ${isGoMap(v) ? "object" : typeof v === "string" ? "string" : typeof v === "boolean" ? "bool" : "number"} into Go value of type []interface {}`];
    return v;
  } catch (e) {
    return [e.message];
  }
}
function helmStaticFuncs() {
  return {
    toYaml: { params: ["any"], fn: (v) => toYaml(v) },
    fromYaml: { params: ["string"], fn: fromYaml },
    fromYamlArray: { params: ["string"], fn: fromYamlArray },
    toJson: { params: ["any"], fn: (v) => {
      try {
        return marshalJSON(v);
      } catch {
        return "";
      }
    } },
    fromJson: { params: ["string"], fn: fromJson },
    fromJsonArray: { params: ["string"], fn: fromJsonArray },
    toToml: { params: ["any"], fn: (v) => toToml(v) }
  };
}

// packages/core/src/config/render.ts
var MAIN = "werfConfig";
function goTimeString(d) {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}
function toGo(v) {
  if (typeof v === "number") return Number.isInteger(v) && !Object.is(v, -0) ? new GoInt(BigInt(v)) : v;
  if (Array.isArray(v)) return v.map(toGo);
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = toGo(x);
    return out;
  }
  return v === void 0 ? null : v;
}
var FilesApi = class {
  constructor(o) {
    this.o = o;
  }
  o;
  allowed(p) {
    return this.o.loose || this.o.dev || matchGlobList(this.o.giterminism.config.goTemplateRendering.allowUncommittedFiles, p);
  }
  clean(p) {
    if (p.startsWith("/")) throw new FuncError(`the path ${JSON.stringify(p)} must be relative to the project directory`);
    const parts = [];
    for (const seg of p.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") {
        if (!parts.length) throw new FuncError(`the path ${JSON.stringify(p)} is outside the project directory`);
        parts.pop();
      } else parts.push(seg);
    }
    return parts.join("/");
  }
  checkCommitted(paths) {
    const f = this.o.files;
    const entries = f.repo.sync.status(paths.map((p) => f.toRepo(p)));
    if (entries.length) {
      const names = entries.map((e) => `${f.fromRepo(e.path)} (${describeStatus(e)})`).join(", ");
      throw new FuncError(`giterminism: ${names} ${entries.length === 1 ? "has" : "have"} uncommitted changes and ${entries.length === 1 ? "is" : "are"} read from the commit; commit, use --dev, or add to config.goTemplateRendering.allowUncommittedFiles in werf-giterminism.yaml`);
    }
  }
  get(p0) {
    const p = this.clean(p0);
    const f = this.o.files;
    if (this.allowed(p)) {
      const abs = `${f.projectDir}/${p}`;
      try {
        const real = realpathSync(abs);
        if (real !== f.repo.root && !real.startsWith(f.repo.root + "/")) throw new FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: the file is a symlink outside the repository`);
        f.workTreeReads.add(p);
        return readFileSync(real, "utf8");
      } catch (e) {
        if (e instanceof FuncError) throw e;
        throw new FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: the file ${p} was not found in the project directory`);
      }
    }
    const m = f.repo.sync.readFiles(f.commit, [f.toRepo(p)], { followSymlinks: true });
    const b = m.get(f.toRepo(p));
    if (!b) {
      const info = f.repo.sync.inspectPaths(f.commit, [f.toRepo(p)]).get(f.toRepo(p));
      if (info?.kind === "outside") throw new FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: ${p} is a symlink to ${info.target}, outside the repository`);
      throw new FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: the file ${p} was not found in the current commit`);
    }
    let disk = null;
    try {
      disk = readFileSync(`${f.projectDir}/${p}`);
    } catch {
      disk = null;
    }
    if (disk === null || Buffer.compare(disk, b) !== 0) this.checkCommitted([p]);
    return b.toString("utf8");
  }
  glob(pattern) {
    const f = this.o.files;
    const pat = pattern.replace(/^\.\//, "");
    const workTree = this.o.loose || this.o.dev;
    let names;
    const re = globRe(pat);
    const base = baseOf(pat);
    if (workTree) {
      names = f.repo.sync.lsWorkTreeFiles([f.toRepo(base)]).map((x) => f.fromRepo(x)).filter((n) => re.test(n));
    } else {
      names = f.repo.sync.lsTree(f.commit, [f.toRepo(base)]).map((e) => f.fromRepo(e.path)).filter((n) => re.test(n));
      const allow = this.o.giterminism.config.goTemplateRendering.allowUncommittedFiles;
      if (allow.length) {
        const extra = f.repo.sync.lsWorkTreeFiles([f.toRepo(base)]).map((x) => f.fromRepo(x)).filter((n) => re.test(n) && this.allowed(n));
        names = [.../* @__PURE__ */ new Set([...names, ...extra])];
      }
    }
    names.sort();
    if (names.length === 0) throw new FuncError(`{{ .Files.Glob ${JSON.stringify(pattern)} }}: no matches found`);
    const out = {};
    for (const n of names) out[n] = this.get(n);
    return out;
  }
  kind(p0) {
    const p = this.clean(p0);
    const f = this.o.files;
    if (this.allowed(p)) {
      try {
        const s = statSync(`${f.projectDir}/${p}`);
        return s.isDirectory() ? "dir" : "file";
      } catch {
        return null;
      }
    }
    if (p === "") return "dir";
    const info = f.repo.sync.inspectPaths(f.commit, [f.toRepo(p)]).get(f.toRepo(p));
    return info?.kind === "blob" ? "file" : info?.kind === "tree" ? "dir" : null;
  }
};
var globRe = (p) => globToRegExp(p);
var baseOf = (p) => globBase(p);
var tplCounter = 0;
function renderWerfYaml(o) {
  const filesApi = new FilesApi(o);
  const Files = {
    [GO_METHODS]: {
      Get: { params: ["string"], fn: (p) => filesApi.get(p) },
      Glob: { params: ["string"], fn: (p) => filesApi.glob(p) },
      Exists: { params: ["string"], fn: (p) => filesApi.kind(p) !== null },
      IsDir: { params: ["string"], fn: (p) => filesApi.kind(p) === "dir" }
    }
  };
  const data = {
    Files,
    Env: o.env,
    Commit: { Hash: o.commit.hash, Date: { Human: goTimeString(o.commit.date), Unix: String(Math.floor(o.commit.date.getTime() / 1e3)) } }
  };
  const fileOf = /* @__PURE__ */ new Map([[MAIN, o.configPath]]);
  for (const t of o.templates) fileOf.set(t.name, t.file);
  let set2;
  const debug = (msg) => {
    if (o.debugTemplates) o.log?.info(msg);
  };
  const funcs = {
    include: { params: ["string", "any"], fn: (name2, d) => set2.execute(name2, d) },
    tpl: {
      params: ["string", "any"],
      fn: (text2, d) => {
        const name2 = `tpl-${++tplCounter}`;
        fileOf.set(name2, o.configPath);
        set2.parse(name2, text2);
        return set2.execute(name2, d);
      }
    },
    env: {
      params: ["any"],
      variadic: "string",
      fn: (nameV, ...rest) => {
        if (rest.length > 1) throw new FuncError("more than 1 optional argument prohibited");
        const name2 = typeof nameV === "string" ? nameV : String(nameV);
        if (!o.loose && !matchNameList(o.giterminism.config.goTemplateRendering.allowEnvVariables, name2)) {
          throw new FuncError(`the environment variable ${JSON.stringify(name2)} is not allowed by giterminism: add it to config.goTemplateRendering.allowEnvVariables in werf-giterminism.yaml`);
        }
        const v = o.processEnv[name2];
        const fallback = rest.length === 1 ? rest[0] : void 0;
        if (v === void 0) {
          if (fallback !== void 0) return fallback;
          if (!o.loose) throw new FuncError(`the environment variable ${JSON.stringify(name2)} must be set or default must be provided`);
          return "";
        }
        if (v === "" && fallback !== void 0) return fallback;
        return v;
      }
    },
    required: {
      params: ["string", "any"],
      fn: (msg, v) => {
        if (v === null || v === void 0 || v === "") throw new FuncError(msg);
        return v;
      }
    },
    fromYaml: {
      params: ["string"],
      fn: (s) => {
        let v;
        try {
          v = (0, import_yaml5.parse)(s, { version: "1.1" });
        } catch (e) {
          throw new FuncError(e.message.split("\n")[0]);
        }
        if (v === null || v === void 0) return {};
        if (typeof v !== "object" || Array.isArray(v)) throw new FuncError("fromYaml: the document is not a map");
        return toGo(v);
      }
    },
    toYaml: { params: ["any"], fn: (v) => toYaml(v) },
    tpl_debug: { params: ["string", "any"], fn: (text2, d) => {
      if (o.debugTemplates) {
        const name2 = `tpl-${++tplCounter}`;
        set2.parse(name2, text2);
        debug(`-- tpl_debug template ${name2} content:
${text2}
-- render:
${set2.execute(name2, d)}`);
      }
      return "";
    } },
    include_debug: { params: ["string", "any"], fn: (name2, d) => {
      if (o.debugTemplates) debug(`-- include_debug template ${JSON.stringify(name2)} render:
${set2.execute(name2, d)}`);
      return "";
    } },
    printf_debug: { params: ["string"], variadic: "any", fn: (format, ...args) => {
      if (o.debugTemplates) debug(`-- printf_debug: ${sprintf(format, args)}`);
      return "";
    } },
    dump_debug: { params: ["any"], fn: (v) => {
      if (o.debugTemplates) debug(`-- dump_debug: ${sprintf("%#v", [v])}`);
      return "";
    } }
  };
  set2 = newSet(funcs);
  try {
    for (const t of o.templates) set2.parse(t.name, t.source);
    set2.parse(MAIN, o.source);
    return set2.execute(MAIN, data);
  } catch (e) {
    throw toConfigError(e, fileOf, o.configPath);
  }
}
function newSet(funcs) {
  const t = new Templates({ typedFuncs: funcs, missingKey: "default" });
  return {
    parse(name2, text2) {
      t.parse(name2, text2);
    },
    execute(name2, data) {
      return t.execute(name2, data);
    }
  };
}
function toConfigError(e, fileOf, configPath) {
  if (e instanceof WerfActionError) return e;
  if (e instanceof TemplateError) {
    let file = fileOf.get(e.templateName) ?? configPath;
    let line = e.line;
    let column = e.column !== void 0 ? e.column + 1 : void 0;
    let msg = e.message.replace(/^template: /, "");
    for (const [name2, f] of fileOf) if (name2 !== f) msg = msg.split(`${name2}:`).join(`${f}:`).split(`"${name2}"`).join(`"${f}"`);
    const files = new Set(fileOf.values());
    let innermost;
    for (const m of msg.matchAll(/(?:^|template: |: )([^\s:"<>]+):(\d+)(?::(\d+))?: /g)) if (files.has(m[1])) innermost = m;
    const chain = msg;
    if (innermost && innermost.index > 0) {
      file = innermost[1];
      line = Number(innermost[2]);
      column = innermost[3] !== void 0 ? Number(innermost[3]) + 1 : void 0;
      msg = msg.slice(innermost.index + innermost[0].length);
    } else if (innermost) {
      msg = msg.slice(innermost[0].length);
    }
    const calls = [...msg.matchAll(/error calling [^:]+: /g)];
    if (calls.length) msg = msg.slice(calls[calls.length - 1].index + calls[calls.length - 1][0].length);
    return new WerfActionError(`template error: ${msg}`, {
      code: "config.template",
      location: { file, ...line !== void 0 ? { line } : {}, ...column !== void 0 ? { column } : {} },
      hint: `${chain === msg ? "" : `${chain}
`}werf.yaml is rendered as a Go template together with the templates dir`
    });
  }
  return e;
}

// packages/core/src/config/duration.ts
var UNITS = { ns: 1e-6, us: 1e-3, "\xB5s": 1e-3, "\u03BCs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseGoDuration(s) {
  let rest = s;
  let sign2 = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    if (rest[0] === "-") sign2 = -1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") return null;
  let total = 0;
  const re = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;
  while (rest.length) {
    const m = re.exec(rest);
    if (!m || m[1] === "" && (m[2] === void 0 || m[2] === "")) return null;
    const num3 = Number(`${m[1] || "0"}.${m[2] ?? "0"}`);
    total += num3 * UNITS[m[3]];
    rest = rest.slice(m[0].length);
  }
  return sign2 * total;
}

// packages/core/src/config/schema.ts
var PROJECT_NAME_RE = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
function classify(d) {
  const root = R.root(d);
  if (root.kind() !== "map") {
    throw root.err("a werf.yaml document must be a map (meta section with `configVersion`, or an image with `image`)", "config.type");
  }
  const keys = new Set(root.map().keys());
  if (keys.has("configVersion")) return "meta";
  if (keys.has("dockerfile")) return "dockerfile";
  if (keys.has("image") || keys.has("artifact")) return "stapel";
  throw root.err(
    "cannot recognize the type of this config section: `configVersion` is required for the meta section, `image` for image sections (with `dockerfile` for Dockerfile images)",
    "config.unknown-section"
  );
}
function parseMeta(d) {
  const root = R.root(d);
  const m = root.map(["configVersion", "project", "build", "deploy", "cleanup", "gitWorktree"]);
  const cv2 = m.get("configVersion");
  if (cv2.kind() !== "int" || cv2.int() !== 1) throw cv2.err("`configVersion` must be 1", "config.invalid-value", "set `configVersion: 1`");
  const pr = m.get("project");
  if (!pr || pr.isNull()) throw root.err("`project` is required in the meta section", "config.required", "add `project: <name>` (lowercase letters, digits and dashes)");
  const project = pr.str();
  validateProjectName(project, pr);
  return {
    configVersion: 1,
    project,
    build: parseBuild(m.get("build")),
    deploy: parseDeploy(m.get("deploy")),
    cleanup: parseCleanup(m.get("cleanup")),
    gitWorktree: parseGitWorktree(m.get("gitWorktree")),
    pos: root.pos
  };
}
function validateProjectName(name2, at) {
  if (name2 === "") throw at.err("`project` must not be empty", "config.invalid-value");
  if (name2.length > 50) throw at.err(`project name ${JSON.stringify(name2)} is too long (${name2.length} characters, at most 50)`, "config.project-name");
  if (!PROJECT_NAME_RE.test(name2)) {
    throw at.err(`project name ${JSON.stringify(name2)} is invalid: only lowercase letters, digits and dashes, starting and ending with a letter or digit`, "config.project-name", "e.g. `project: my-app`");
  }
}
function parseBuild(r) {
  const out = { platform: [], staged: false };
  if (!r) return out;
  for (const [k, v] of r.map(["cacheVersion", "platform", "staged", "imageSpec"])) {
    if (k === "cacheVersion") out.cacheVersion = v.optStr();
    else if (k === "platform") out.platform = parsePlatforms(v);
    else if (k === "staged") out.staged = v.bool();
    else if (k === "imageSpec") out.imageSpec = parseImageSpec(v, true);
  }
  return out;
}
function parseDeploy(r) {
  const out = { helmChartDir: ".helm", helmChartConfig: {}, helmReleaseSlug: true, namespaceSlug: true };
  if (!r) return out;
  for (const [k, v] of r.map(["helmChartDir", "helmChartConfig", "helmRelease", "helmReleaseSlug", "namespace", "namespaceSlug"])) {
    if (k === "helmChartDir") {
      const s = v.str();
      if (s.trim() === "") throw v.err("`deploy.helmChartDir` must not be empty", "config.invalid-value");
      relativePath(s, v);
      out.helmChartDir = s;
    } else if (k === "helmChartConfig") {
      for (const [k2, v2] of v.map(["appVersion"])) if (k2 === "appVersion") out.helmChartConfig.appVersion = v2.optStr();
    } else if (k === "helmRelease") out.helmRelease = v.str();
    else if (k === "helmReleaseSlug") out.helmReleaseSlug = v.bool();
    else if (k === "namespace") out.namespace = v.str();
    else if (k === "namespaceSlug") out.namespaceSlug = v.bool();
  }
  return out;
}
function parseCleanup(r) {
  const out = {
    disable: false,
    disableKubernetesBasedPolicy: false,
    disableGitHistoryBasedPolicy: false,
    disableBuiltWithinLastNHoursPolicy: false,
    keepImagesBuiltWithinLastNHours: 2,
    keepPolicies: []
  };
  if (!r) return out;
  const keys = ["disable", "disableKubernetesBasedPolicy", "disableGitHistoryBasedPolicy", "disableBuiltWithinLastNHoursPolicy", "keepImagesBuiltWithinLastNHours", "keepPolicies"];
  for (const [k, v] of r.map(keys)) {
    if (k === "keepPolicies") out.keepPolicies = v.list().map(parseKeepPolicy);
    else if (k === "keepImagesBuiltWithinLastNHours") {
      const n = v.int();
      if (n < 0) throw v.err("`cleanup.keepImagesBuiltWithinLastNHours` must not be negative");
      out.keepImagesBuiltWithinLastNHours = n;
    } else out[k] = v.bool();
  }
  return out;
}
function parseKeepPolicy(r) {
  const m = r.map(["references", "imagesPerReference"]);
  const refs = m.get("references");
  if (!refs || refs.isNull()) throw r.err("a keep policy needs `references` (with `branch` or `tag`)", "config.required");
  const references = {};
  const rm4 = refs.map(["branch", "tag", "limit"]);
  const b = rm4.get("branch");
  const t = rm4.get("tag");
  if (!b && !t) throw refs.err("`references` needs `branch` or `tag` (a name or /regexp/)", "config.required");
  if (b && t) throw t.err("`references` takes only one of `branch` and `tag`", "config.conflict");
  if (b) references.branch = refMatcher(b);
  if (t) references.tag = refMatcher(t);
  const lim = rm4.get("limit");
  if (lim) references.limit = parseLimit(lim);
  const ipr = m.get("imagesPerReference");
  return { references, ...ipr ? { imagesPerReference: parseLimit(ipr) } : {}, pos: r.pos };
}
function refMatcher(r) {
  const value2 = r.str();
  let source;
  if (value2.length >= 2 && value2.startsWith("/") && value2.endsWith("/")) {
    source = value2.slice(1, -1);
    try {
      new RegExp(source);
    } catch (e) {
      throw r.err(`invalid regular expression ${value2}: ${e.message}`);
    }
  } else {
    source = value2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return { value: value2, regexp: `^${source}$` };
}
function parseLimit(r) {
  const out = {};
  for (const [k, v] of r.map(["last", "in", "operator"])) {
    if (k === "last") out.last = v.int();
    else if (k === "in") {
      const s = v.str();
      const ms = parseGoDuration(s);
      if (ms === null) throw v.err(`\`${v.path}\` must be a Go duration like 168h or 30m, got ${JSON.stringify(s)}`, "config.invalid-value", "units: ns, us, ms, s, m, h (there is no d: use 24h per day)");
      out.in = ms;
    } else if (k === "operator") {
      const s = v.str();
      if (s !== "And" && s !== "Or") throw v.err(`\`${v.path}\` must be And or Or, got ${JSON.stringify(s)}`);
      out.operator = s;
    }
  }
  if (out.operator === void 0 && out.last !== void 0 && out.in !== void 0) out.operator = "And";
  return out;
}
function parseGitWorktree(r) {
  const out = { forceShallowClone: false, allowUnshallow: true, allowFetchOriginBranchesAndTags: true };
  if (!r) return out;
  for (const [k, v] of r.map(["forceShallowClone", "allowUnshallow", "allowFetchOriginBranchesAndTags"])) {
    out[k] = v.bool();
  }
  return out;
}
function parsePlatforms(r) {
  const list2 = r.strList({ single: true });
  for (const [i, p] of list2.entries()) {
    if (!/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_]+)?$/.test(p)) {
      const at = r.kind() === "list" ? r.list()[i] : r;
      throw at.err(`invalid platform ${JSON.stringify(p)}: expected os/arch[/variant], e.g. linux/amd64`);
    }
  }
  return list2;
}
var IMAGE_SPEC_CONFIG_KEYS = [
  "cmd",
  "entrypoint",
  "env",
  "expose",
  "healthcheck",
  "labels",
  "stopSignal",
  "user",
  "volumes",
  "workingDir",
  "removeEnv",
  "removeLabels",
  "removeVolumes",
  "keepEssentialWerfLabels",
  "clearCmd",
  "clearEntrypoint",
  "clearUser",
  "clearWorkingDir"
];
var META_IMAGE_SPEC_CONFIG_KEYS = ["labels", "removeLabels", "keepEssentialWerfLabels"];
function parseImageSpec(r, meta = false) {
  const out = {};
  for (const [k, v] of r.map(["author", "clearHistory", "config"])) {
    if (k === "author") out.author = v.optStr();
    else if (k === "clearHistory") out.clearHistory = v.bool();
    else if (k === "config") {
      const c = {};
      for (const [ck, cv2] of cv_map(v, meta ? META_IMAGE_SPEC_CONFIG_KEYS : IMAGE_SPEC_CONFIG_KEYS)) {
        switch (ck) {
          case "cmd":
          case "entrypoint":
            c[ck] = cv2.strList({ single: true });
            break;
          case "expose":
          case "volumes":
          case "removeEnv":
          case "removeVolumes":
            c[ck] = cv2.strList();
            break;
          case "removeLabels":
            c.removeLabels = cv2.strList();
            break;
          case "env":
          case "labels":
            c[ck] = cv2.strMap();
            break;
          case "stopSignal":
          case "user":
          case "workingDir":
            c[ck] = cv2.str();
            break;
          case "healthcheck":
            c.healthcheck = parseHealthcheck(cv2);
            break;
          default:
            c[ck] = cv2.bool();
        }
      }
      out.config = c;
    }
  }
  return out;
}
function cv_map(r, keys) {
  return r.map(keys);
}
function parseHealthcheck(r) {
  const m = r.map(["test", "interval", "timeout", "startPeriod", "retries"]);
  const t = m.get("test");
  if (!t) throw r.err("`healthcheck.test` is required", "config.required");
  const out = { test: t.strList({ single: true }) };
  for (const k of ["interval", "timeout", "startPeriod"]) {
    const v = m.get(k);
    if (v) {
      const s = v.str();
      if (parseGoDuration(s) === null) throw v.err(`\`${v.path}\` must be a Go duration like 30s, got ${JSON.stringify(s)}`);
      out[k] = s;
    }
  }
  const rt = m.get("retries");
  if (rt) out.retries = rt.int();
  return out;
}
function parseSecrets(r) {
  return r.list().map((s) => {
    const m = s.map(["id", "env", "src", "value"]);
    const sources = ["env", "src", "value"].filter((k) => m.has(k));
    if (sources.length !== 1) throw s.err("a secret needs exactly one of `env`, `src` and `value`", sources.length ? "config.conflict" : "config.required");
    const out = { id: "", pos: s.pos };
    const idR = m.get("id");
    if (m.has("env")) out.env = m.get("env").str();
    if (m.has("src")) out.src = m.get("src").str();
    if (m.has("value")) {
      out.value = m.get("value").str();
      if (!idR) throw s.err("a secret with `value` needs an explicit `id`", "config.required");
    }
    out.id = idR ? idR.str() : out.env ?? (out.src ?? "").replace(/\/+$/, "").split("/").pop();
    if (!/^[A-Za-z0-9_.-]+$/.test(out.id)) throw (idR ?? s).err(`invalid secret id ${JSON.stringify(out.id)}: letters, digits, '_', '.', '-' only`);
    return out;
  });
}
var IMPORT_TYPES = ["ImageName", "ImageTag", "ImageRepo", "ImageID", "ImageDigest"];
function parseDependencies(r, stapel) {
  return r.list().map((dr) => {
    const m = dr.map(stapel ? ["image", "before", "after", "imports"] : ["image", "imports"], (k) => !stapel && (k === "before" || k === "after") ? "`before`/`after` are only for Stapel images; Dockerfile images get dependencies through build args" : void 0);
    const img = m.get("image");
    if (!img) throw dr.err("a dependency needs `image`", "config.required");
    const dep = { image: img.str(), imports: [], pos: dr.pos };
    if (stapel) {
      const b = m.get("before");
      const a = m.get("after");
      if (!!b === !!a) throw dr.err("a dependency needs exactly one of `before` and `after` (install or setup)", b ? "config.conflict" : "config.required");
      const v = b ?? a;
      const s = v.str();
      if (s !== "install" && s !== "setup") throw v.err(`\`${v.path}\` must be install or setup, got ${JSON.stringify(s)}`);
      if (b) dep.before = s;
      else dep.after = s;
    }
    const targetKey = stapel ? "targetEnv" : "targetBuildArg";
    for (const ir of m.get("imports")?.list() ?? []) {
      const im = ir.map(["type", targetKey]);
      const t = im.get("type");
      const target = im.get(targetKey);
      if (!t) throw ir.err("a dependency import needs `type`", "config.required");
      if (!target) throw ir.err(`a dependency import needs \`${targetKey}\``, "config.required");
      const type = t.str();
      if (!IMPORT_TYPES.includes(type)) throw t.err(`\`${t.path}\` must be one of ${IMPORT_TYPES.join(", ")}, got ${JSON.stringify(type)}`);
      dep.imports.push({ type, [targetKey]: target.str() });
    }
    return dep;
  });
}
function imageNames(r, what) {
  if (r.isNull()) return { names: [""], nameless: true };
  if (r.kind() === "list") {
    const names = r.list().map((x) => {
      const s2 = x.str();
      if (s2 === "") throw x.err(`${what} name must not be empty`);
      return s2;
    });
    if (names.length === 0) throw r.err(`\`${r.path}\` must name at least one image`);
    return { names, nameless: false };
  }
  const s = r.str();
  if (s === "") throw r.err(`${what} name must not be empty`, "config.invalid-value", "use `image: ~` for the single nameless image");
  return { names: [s], nameless: false };
}
function relativePath(p, at) {
  if (p.startsWith("/")) throw at.err(`\`${at.path}\` must be a relative path, got ${JSON.stringify(p)}`, "config.invalid-path");
  const parts = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) throw at.err(`\`${at.path}\` points outside the project directory: ${JSON.stringify(p)}`, "config.path-escape", "build contexts, Dockerfiles and chart dirs must be inside the repository");
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join("/");
}
function absPath(r) {
  const s = r.str();
  if (!s.startsWith("/")) throw r.err(`\`${r.path}\` must be an absolute path, got ${JSON.stringify(s)}`, "config.invalid-path");
  return s;
}
var DOCKERFILE_KEYS = [
  "image",
  "final",
  "dockerfile",
  "context",
  "contextAddFiles",
  "contextAddFile",
  "target",
  "args",
  "addHost",
  "network",
  "ssh",
  "secrets",
  "dependencies",
  "staged",
  "platform",
  "cacheVersion",
  "imageSpec"
];
function parseDockerfileImages(d, meta) {
  const root = R.root(d);
  const m = root.map(DOCKERFILE_KEYS, (k) => STAPEL_ONLY.has(k) ? `\`${k}\` is a Stapel directive; a Dockerfile image (with \`dockerfile\`) cannot use it` : void 0);
  const nameR = m.get("image");
  if (!nameR) throw root.err("a Dockerfile image section needs `image` (its name)", "config.required");
  const { names, nameless } = imageNames(nameR, "image");
  const dfR = m.get("dockerfile");
  const ctxR = m.get("context");
  const context = ctxR ? relativePath(ctxR.str(), ctxR) : "";
  const dockerfileRaw = dfR.str();
  if (dockerfileRaw === "") throw dfR.err("`dockerfile` must not be empty");
  if (dockerfileRaw.startsWith("/")) throw dfR.err(`\`dockerfile\` must be a path relative to \`context\`, got ${JSON.stringify(dockerfileRaw)}`, "config.invalid-path");
  const dfFromProject = relativePath(context ? `${context}/${dockerfileRaw}` : dockerfileRaw, dfR);
  void dfFromProject;
  const base = {
    final: m.has("final") ? m.get("final").bool() : true,
    platform: m.has("platform") ? parsePlatforms(m.get("platform")) : meta?.build.platform ?? [],
    cacheVersion: m.get("cacheVersion")?.optStr() ?? meta?.build.cacheVersion,
    network: m.get("network")?.optStr(),
    secrets: m.has("secrets") ? parseSecrets(m.get("secrets")) : [],
    imageSpec: m.has("imageSpec") ? parseImageSpec(m.get("imageSpec")) : void 0,
    dependencies: m.has("dependencies") ? parseDependencies(m.get("dependencies"), false) : []
  };
  const args = m.has("args") ? m.get("args").strMap() : {};
  for (const dep of base.dependencies) {
    for (const imp of dep.imports) {
      if (imp.targetBuildArg && imp.targetBuildArg in args) {
        throw m.get("args").err(`build arg ${imp.targetBuildArg} is set both in \`args\` and by a dependency import of image ${JSON.stringify(dep.image)}`, "config.conflict");
      }
    }
  }
  if (m.has("contextAddFiles") && m.has("contextAddFile")) throw m.get("contextAddFile").err("use only `contextAddFiles` (`contextAddFile` is its legacy name)", "config.conflict");
  const caf = m.get("contextAddFiles") ?? m.get("contextAddFile");
  const contextAddFiles = caf ? caf.strList({ single: true }).map((p, i) => relativePath(p, caf.kind() === "list" ? caf.list()[i] : caf)) : [];
  const stagedR = m.get("staged");
  return names.map((name2) => ({
    kind: "dockerfile",
    name: name2,
    nameless,
    ...base,
    dockerfile: dockerfileRaw,
    context,
    contextAddFiles,
    target: m.get("target")?.optStr(),
    args,
    addHost: m.get("addHost")?.strList({ single: true }) ?? [],
    ssh: m.get("ssh")?.optStr(),
    staged: stagedR ? stagedR.bool() : meta?.build.staged ?? false,
    pos: nameR.pos,
    rawDoc: d.raw.content
  }));
}
var STAPEL_KEYS = [
  "image",
  "artifact",
  "from",
  "fromLatest",
  "fromCacheVersion",
  "fromImage",
  "fromArtifact",
  "final",
  "cacheVersion",
  "platform",
  "network",
  "secrets",
  "imageSpec",
  "disableGitAfterPatch",
  "git",
  "shell",
  "ansible",
  "docker",
  "mount",
  "import",
  "dependencies"
];
var STAPEL_ONLY = /* @__PURE__ */ new Set(["from", "fromLatest", "fromCacheVersion", "fromImage", "fromArtifact", "git", "shell", "ansible", "docker", "mount", "import", "disableGitAfterPatch"]);
var DOCKERFILE_ONLY = /* @__PURE__ */ new Set(["dockerfile", "context", "contextAddFiles", "contextAddFile", "target", "args", "addHost", "ssh", "staged"]);
function parseStapelImages(d, meta) {
  const root = R.root(d);
  const m = root.map(STAPEL_KEYS, (k) => DOCKERFILE_ONLY.has(k) ? `\`${k}\` belongs to Dockerfile images; add \`dockerfile\` to make this a Dockerfile image` : void 0);
  const an = m.get("ansible");
  if (an) {
    throw an.keyErr("`ansible` stages are not supported by werf-action", "config.not-supported", "rewrite the stages with `shell` (same four stages: beforeInstall, install, beforeSetup, setup) or use a Dockerfile image");
  }
  const imgR = m.get("image");
  const artR = m.get("artifact");
  if (imgR && artR) throw artR.err("a section takes either `image` or `artifact`, not both", "config.conflict");
  const artifact = !!artR;
  const nameR = imgR ?? artR;
  const { names, nameless } = imageNames(nameR, artifact ? "artifact" : "image");
  if (artifact && nameless) throw nameR.err("an artifact needs a name");
  const fromR = m.get("from");
  const fromImageR = m.get("fromImage");
  const fromArtR = m.get("fromArtifact");
  const fromCount = [fromR, fromImageR, fromArtR].filter(Boolean).length;
  if (fromCount === 0) throw root.err(`${artifact ? "artifact" : "image"} ${JSON.stringify(names[0])} needs \`from\` (a base image reference, \`scratch\`, or another image's name)`, "config.required");
  if (fromCount > 1) throw (fromImageR ?? fromArtR).err("use only one of `from`, `fromImage` and `fromArtifact`", "config.conflict");
  let from;
  let fromImage;
  if (fromR) from = fromR.str();
  else fromImage = (fromImageR ?? fromArtR).str();
  const fromLatest = m.get("fromLatest")?.bool() ?? false;
  const git = (m.get("git")?.list() ?? []).map(parseGit);
  const mounts = (m.get("mount")?.list() ?? []).map(parseMount);
  const seenTo = /* @__PURE__ */ new Map();
  for (const [i, mt] of mounts.entries()) {
    if (seenTo.has(mt.to)) throw m.get("mount").list()[i].err(`duplicate mount target ${JSON.stringify(mt.to)}`, "config.conflict");
    seenTo.set(mt.to, m.get("mount").list()[i]);
  }
  const dockerR = m.get("docker");
  const specR = m.get("imageSpec");
  if (dockerR && specR) throw dockerR.err("`docker` (deprecated) cannot be used together with `imageSpec`", "config.conflict", "move the instructions to imageSpec.config");
  const base = {
    final: m.has("final") ? m.get("final").bool() : !artifact,
    platform: m.has("platform") ? parsePlatforms(m.get("platform")) : meta?.build.platform ?? [],
    cacheVersion: m.get("cacheVersion")?.optStr() ?? meta?.build.cacheVersion,
    network: m.get("network")?.optStr(),
    secrets: m.has("secrets") ? parseSecrets(m.get("secrets")) : [],
    imageSpec: specR ? parseImageSpec(specR) : void 0,
    dependencies: m.has("dependencies") ? parseDependencies(m.get("dependencies"), true) : []
  };
  const shell = m.has("shell") ? parseShell(m.get("shell")) : void 0;
  const docker = dockerR ? parseDocker(dockerR) : void 0;
  const imports = (m.get("import")?.list() ?? []).map(parseImport);
  return names.map((name2) => ({
    kind: "stapel",
    name: name2,
    nameless,
    artifact,
    ...base,
    from,
    fromImage,
    fromLatest,
    fromCacheVersion: m.get("fromCacheVersion")?.optStr(),
    disableGitAfterPatch: m.get("disableGitAfterPatch")?.bool() ?? false,
    git,
    shell,
    docker,
    mount: mounts,
    import: imports,
    pos: nameR.pos,
    rawDoc: d.raw.content
  }));
}
function parseGit(r) {
  const m = r.map(["url", "branch", "tag", "commit", "basicAuth", "add", "to", "owner", "group", "includePaths", "excludePaths", "stageDependencies", "herebyIAdmitThatBranchMightBreakReproducibility"]);
  const url = m.get("url")?.str();
  const out = {
    add: m.has("add") ? absPath(m.get("add")) : "/",
    to: "",
    includePaths: m.get("includePaths")?.strList({ single: true }) ?? [],
    excludePaths: m.get("excludePaths")?.strList({ single: true }) ?? [],
    stageDependencies: { install: [], beforeSetup: [], setup: [] },
    pos: r.pos
  };
  const to = m.get("to");
  if (!to) throw r.err("a git mapping needs `to` (an absolute path in the image)", "config.required");
  out.to = absPath(to);
  if (url !== void 0) out.url = url;
  for (const k of ["branch", "tag", "commit"]) {
    const v = m.get(k);
    if (!v) continue;
    if (url === void 0) throw v.err(`\`${k}\` is only for remote git mappings (with \`url\`); the local repository is always used at the current commit`, "config.invalid-value");
    out[k] = v.str();
  }
  if ([out.branch, out.tag, out.commit].filter((x) => x !== void 0).length > 1) throw r.err("use only one of `branch`, `tag` and `commit`", "config.conflict");
  const ba = m.get("basicAuth");
  if (ba) {
    if (url === void 0) throw ba.err("`basicAuth` is only for remote git mappings (with `url`)");
    const bm = ba.map(["username", "password"]);
    const pw = bm.get("password");
    if (!bm.get("username") || !pw) throw ba.err("`basicAuth` needs `username` and `password`", "config.required");
    const pm = pw.map(["env", "file", "value"]);
    if (pm.size !== 1) throw pw.err("`basicAuth.password` needs exactly one of `env`, `file` and `value`", "config.required");
    const [pk, pv] = [...pm][0];
    out.basicAuth = { username: bm.get("username").str(), password: { [pk]: pv.str() } };
  }
  for (const k of ["owner", "group"]) if (m.has(k)) out[k] = m.get(k).str();
  const sd = m.get("stageDependencies");
  if (sd) {
    for (const [k, v] of sd.map(["install", "beforeSetup", "setup"])) out.stageDependencies[k] = v.strList({ single: true });
  }
  for (const k of ["includePaths", "excludePaths"]) {
    const v = m.get(k);
    for (const p of out[k]) if (p.startsWith("/")) throw v.err(`\`${v.path}\` must hold paths relative to \`add\`, got ${JSON.stringify(p)}`, "config.invalid-path");
  }
  return out;
}
var SHELL_STAGES = ["beforeInstall", "install", "beforeSetup", "setup"];
function parseShell(r) {
  const out = { beforeInstall: [], install: [], beforeSetup: [], setup: [] };
  for (const [k, v] of r.map([...SHELL_STAGES, "cacheVersion", "beforeInstallCacheVersion", "installCacheVersion", "beforeSetupCacheVersion", "setupCacheVersion"])) {
    if (SHELL_STAGES.includes(k)) out[k] = v.strList({ single: true });
    else out[k] = v.optStr();
  }
  return out;
}
function parseDocker(r) {
  const out = { VOLUME: [], ENV: {}, LABEL: {}, EXPOSE: [], exactValues: false };
  for (const [k, v] of r.map(["USER", "WORKDIR", "VOLUME", "ENV", "LABEL", "EXPOSE", "ENTRYPOINT", "CMD", "HEALTHCHECK", "exactValues"])) {
    switch (k) {
      case "USER":
      case "WORKDIR":
      case "HEALTHCHECK":
        out[k] = v.str();
        break;
      case "VOLUME":
      case "EXPOSE":
        out[k] = v.strList({ single: true });
        break;
      case "ENV":
      case "LABEL":
        out[k] = v.strMap();
        break;
      case "ENTRYPOINT":
      case "CMD":
        out[k] = v.kind() === "list" ? v.strList() : v.str();
        break;
      case "exactValues":
        out.exactValues = v.bool();
        break;
    }
  }
  return out;
}
function parseMount(r) {
  const m = r.map(["from", "fromPath", "to"]);
  const to = m.get("to");
  if (!to) throw r.err("a mount needs `to` (an absolute path in the build container)", "config.required");
  const f = m.get("from");
  const fp = m.get("fromPath");
  if (!!f === !!fp) throw r.err("a mount needs exactly one of `from` (tmp_dir or build_dir) and `fromPath`", f ? "config.conflict" : "config.required");
  if (f) {
    const s = f.str();
    if (s !== "tmp_dir" && s !== "build_dir") throw f.err(`\`${f.path}\` must be tmp_dir or build_dir, got ${JSON.stringify(s)}`);
    return { type: s, to: absPath(to), pos: r.pos };
  }
  return { type: "custom_dir", fromPath: fp.str(), to: absPath(to), pos: r.pos };
}
function parseImport(r) {
  const m = r.map(["from", "image", "artifact", "stage", "before", "after", "add", "to", "owner", "group", "includePaths", "excludePaths"]);
  const srcs = ["from", "image", "artifact"].filter((k) => m.has(k));
  if (srcs.length !== 1) throw r.err("an import needs exactly one source: `from` (or the deprecated `image` / `artifact`)", srcs.length ? "config.conflict" : "config.required");
  const from = m.get(srcs[0]).str();
  const addR = m.get("add");
  if (!addR) throw r.err("an import needs `add` (an absolute path in the source image)", "config.required");
  const add2 = absPath(addR);
  const b = m.get("before");
  const a = m.get("after");
  if (!!b === !!a) throw r.err("an import needs exactly one of `before` and `after` (install or setup)", b ? "config.conflict" : "config.required");
  const ba = b ?? a;
  const when = ba.str();
  if (when !== "install" && when !== "setup") throw ba.err(`\`${ba.path}\` must be install or setup, got ${JSON.stringify(when)}`);
  const out = {
    from,
    external: srcs[0] === "from",
    // resolved against image names in validate.ts
    add: add2,
    to: m.has("to") ? absPath(m.get("to")) : add2,
    includePaths: m.get("includePaths")?.strList({ single: true }) ?? [],
    excludePaths: m.get("excludePaths")?.strList({ single: true }) ?? [],
    pos: r.pos
  };
  if (b) out.before = when;
  else out.after = when;
  const st = m.get("stage");
  if (st) {
    const s = st.str();
    if (!SHELL_STAGES.includes(s)) throw st.err(`\`${st.path}\` must be one of ${SHELL_STAGES.join(", ")}, got ${JSON.stringify(s)}`);
    out.stage = s;
  }
  for (const k of ["owner", "group"]) if (m.has(k)) out[k] = m.get(k).str();
  if (add2 === "/" && out.includePaths.length === 0) throw addR.err("importing `add: /` needs `includePaths`", "config.required");
  return out;
}

// packages/core/src/config/document.ts
function parseRendered(rendered, source, configPath, env = {}, partials = []) {
  const mapper = createPositionMapper(configPath, source, rendered, partials);
  let meta;
  let metaDoc;
  const docs = splitDocs(rendered).map((raw) => new YamlDoc(raw, mapper));
  const kinds = docs.map((d) => classify(d));
  docs.forEach((d, i) => {
    if (kinds[i] !== "meta") return;
    if (metaDoc) throw d.error(d.root, `duplicate meta config section (the first one is at line ${metaDoc.pos(metaDoc.root).line})`, "config.duplicate-meta");
    metaDoc = d;
    meta = parseMeta(d);
  });
  if (meta && env.WERF_PROJECT_NAME) {
    const at = R.root(metaDoc).map().get("project");
    validateProjectName(env.WERF_PROJECT_NAME, at);
    meta.project = env.WERF_PROJECT_NAME;
  }
  const images = [];
  docs.forEach((d, i) => {
    if (kinds[i] === "dockerfile") images.push(...parseDockerfileImages(d, meta));
    else if (kinds[i] === "stapel") images.push(...parseStapelImages(d, meta));
  });
  if (meta?.build.imageSpec) {
    for (const img of images) if (img.final) img.imageSpec = mergeImageSpec(meta.build.imageSpec, img.imageSpec);
  }
  if (env.WERF_FORCE_STAGED_DOCKERFILE === "1" || env.WERF_FORCE_STAGED_DOCKERFILE === "true") {
    for (const img of images) if (img.kind === "dockerfile") img.staged = true;
  }
  return { meta, images };
}
function mergeImageSpec(global, own) {
  const out = { ...own ?? {}, config: { ...own?.config ?? {} } };
  const gc = global.config ?? {};
  const c = out.config;
  if (global.author) out.author = global.author;
  if (global.clearHistory) out.clearHistory = true;
  if (gc.keepEssentialWerfLabels) c.keepEssentialWerfLabels = true;
  if (gc.labels) c.labels = { ...c.labels ?? {}, ...gc.labels };
  const remove = [...c.removeLabels ?? []];
  for (const l of gc.removeLabels ?? []) if (!remove.includes(l)) remove.push(l);
  if (remove.length) c.removeLabels = remove;
  return out;
}

// packages/core/src/config/validate.ts
function err(message, code, pos, hint) {
  return new WerfActionError(message, { code, location: { ...pos }, ...hint ? { hint } : {} });
}
var label = (name2) => name2 === "" ? "the nameless image" : `image ${JSON.stringify(name2)}`;
function imageEdges(img) {
  const out = [];
  for (const d of img.dependencies) out.push({ image: d.image, via: "dependencies", pos: d.pos });
  if (img.kind === "stapel") {
    if (img.fromImage !== void 0) out.push({ image: img.fromImage, via: "from", pos: img.pos });
    for (const i of img.import) if (!i.external) out.push({ image: i.from, via: "import", pos: i.pos });
  }
  return out;
}
function validateImages(images) {
  const byName = /* @__PURE__ */ new Map();
  for (const img of images) {
    const prev = byName.get(img.name);
    if (prev) {
      throw err(`${label(img.name)} is defined more than once`, "config.duplicate-image", img.pos, `first defined at ${formatLocation(prev.pos)}; image names must be unique`);
    }
    byName.set(img.name, img);
  }
  const nameless = images.find((i) => i.nameless);
  if (nameless && images.length > 1) {
    throw err("a nameless image (`image: ~`) is only allowed when it is the only image", "config.nameless-image", nameless.pos, "give every image a name");
  }
  for (const img of images) {
    if (img.kind !== "stapel") continue;
    if (img.from !== void 0 && byName.has(img.from) && img.from !== img.name) img.fromImage = img.from;
    for (const imp of img.import) {
      if (imp.external && byName.has(imp.from)) imp.external = false;
      if (imp.external && !/[:@]/.test(imp.from.split("/").pop() ?? "")) {
        throw err(`import source ${JSON.stringify(imp.from)} is neither an image of werf.yaml nor an image reference with a tag or digest`, "config.unknown-image", imp.pos, `images in werf.yaml: ${[...byName.keys()].map((n) => JSON.stringify(n)).join(", ") || "none"}`);
      }
    }
  }
  for (const img of images) {
    for (const e of imageEdges(img)) {
      if (e.image === img.name) throw err(`${label(img.name)} refers to itself in \`${e.via}\``, "config.cycle", e.pos);
      const target = byName.get(e.image);
      if (!target) {
        throw err(`${label(img.name)} refers to image ${JSON.stringify(e.image)} in \`${e.via}\`, which is not defined in werf.yaml`, "config.unknown-image", e.pos, `defined images: ${[...byName.keys()].map((n) => JSON.stringify(n)).join(", ")}`);
      }
    }
  }
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit2 = (name2) => {
    state.set(name2, 1);
    stack.push(name2);
    const img = byName.get(name2);
    for (const e of imageEdges(img)) {
      const s = state.get(e.image);
      if (s === 1) {
        const cycle = [...stack.slice(stack.indexOf(e.image)), e.image];
        throw err(`dependency cycle between images: ${cycle.join(" -> ")}`, "config.cycle", byName.get(e.image).pos, "images cannot depend on each other in a loop (through dependencies, from or import)");
      }
      if (s === void 0) visit2(e.image);
    }
    stack.pop();
    state.set(name2, 2);
  };
  for (const img of images) if (!state.has(img.name)) visit2(img.name);
}

// packages/core/src/digest/hash.ts
import { createHash as createHash4 } from "node:crypto";
var HASH_SEPARATOR = ":::";
function sha3_224(...parts) {
  return createHash4("sha3-224").update(parts.join(HASH_SEPARATOR)).digest("hex");
}
function sha256(...parts) {
  return createHash4("sha256").update(parts.join(HASH_SEPARATOR)).digest("hex");
}
function murmur3_32(data, seed = 0) {
  const c1 = 3432918353;
  const c2 = 461845907;
  let h = seed >>> 0;
  const len2 = data.length;
  const blocks = len2 & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k2 = (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24) >>> 0;
    k2 = Math.imul(k2, c1);
    k2 = k2 << 15 | k2 >>> 17;
    k2 = Math.imul(k2, c2);
    h ^= k2;
    h = h << 13 | h >>> 19;
    h = Math.imul(h, 5) + 3864292196 >>> 0;
  }
  let k = 0;
  const tail = len2 & 3;
  if (tail === 3) k ^= data[blocks + 2] << 16;
  if (tail >= 2) k ^= data[blocks + 1] << 8;
  if (tail >= 1) {
    k ^= data[blocks];
    k = Math.imul(k, c1);
    k = k << 15 | k >>> 17;
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= len2;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function legacyMurmurHash(...parts) {
  return murmur3_32(Buffer.from(parts.join(HASH_SEPARATOR), "utf8")).toString(16);
}

// packages/core/src/digest/tag.ts
var DIGEST_RE = /^[0-9a-f]{56}$/;
var STAGE_TAG_RE = /^([0-9a-f]{56})-(\d{13})$/;
function formatStageTag(digest, createdAt) {
  if (!DIGEST_RE.test(digest)) throw new Error(`not a stage digest: ${JSON.stringify(digest)}`);
  if (!Number.isInteger(createdAt) || createdAt < 1e12 || createdAt >= 1e13) {
    throw new Error(`stage timestamp must be 13-digit unix milliseconds, got ${createdAt}`);
  }
  return `${digest}-${createdAt}`;
}
function parseStageTag(tag2) {
  const m = STAGE_TAG_RE.exec(tag2);
  if (!m) return void 0;
  return { digest: m[1], createdAt: Number(m[2]) };
}

// packages/core/src/digest/stage.ts
var BUILD_CACHE_VERSION = "1.2";
function platformForDigest(platform) {
  if (!platform || platform === "linux/amd64") return void 0;
  return platform;
}
function stageDigest(input) {
  const args = [];
  const p = platformForDigest(input.platform);
  if (p) args.push(p);
  args.push(BUILD_CACHE_VERSION, input.stageName, input.dependencies);
  if (input.prev) args.push(input.prev.digest, input.prev.nextStageDependencies);
  if (input.baseImageReference !== void 0) args.push(input.baseImageReference);
  return sha3_224(...args);
}
function stageContentDigest(input) {
  const args = [];
  const p = platformForDigest(input.platform);
  if (p) args.push(p);
  args.push(BUILD_CACHE_VERSION, `${input.stageName}-content`, "", input.digest, input.nextStageDependencies ?? "");
  return sha3_224(...args);
}

// packages/core/src/config/slug.ts
var SEPARATOR = "-";
var NAMESPACE_MAX = 63;
var RELEASE_MAX = 53;
var PROJECT_MAX = 50;
var DEFAULT_SLUG_MAX = 42;
var TABLE = /* @__PURE__ */ new Map();
function add(chars, to) {
  for (const c of chars) TABLE.set(c, to);
}
for (const c of "0123456789abcdefghijklmnopqrstuvwxyz") TABLE.set(c, c);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") TABLE.set(c, c.toLowerCase());
add("&(){}-_[],.;:=+<>~/ ", "-");
add("\xB2", "2");
add("\xB3", "3");
add("\xB5", "u");
add("\xC0\xC1\xC2\xC3\xC4\xC5\xE0\xE1\xE2\xE3\xE4\xE5", "a");
add("\xC6\xE6", "ae");
add("\xC7\xE7", "c");
add("\xC8\xC9\xCA\xCB\xE8\xE9\xEA\xEB", "e");
add("\xCC\xCD\xCE\xCF\xEC\xED\xEE\xEF", "i");
add("\xD0", "d");
add("\xF0", "o");
add("\xD1\xF1", "n");
add("\xD2\xD3\xD4\xD5\xD6\xD8\xF2\xF3\xF4\xF5\xF6\xF8", "o");
add("\xD7", "x");
add("\xD9\xDA\xDB\xDC\xF9\xFA\xFB\xFC", "u");
add("\xDD\xFD\xFF", "y");
add("\xDE\xFE", "th");
add("\xDF", "b");
add("\u0100\u0101\u0102\u0103\u0104\u0105", "a");
add("\u0106\u0107\u0108\u0109\u010A\u010B\u010C\u010D", "c");
add("\u010E\u010F\u0110\u0111", "d");
add("\u0112\u0113\u0114\u0115\u0116\u0117\u0118\u0119\u011A\u011B", "e");
add("\u011C\u011D\u011E\u011F\u0120\u0121\u0122\u0123", "g");
add("\u0124\u0125\u0126\u0127", "h");
add("\u0128\u0129\u012A\u012B\u012C\u012D\u012E\u012F", "i");
add("\u0130\u0131", "l");
add("\u0132\u0133", "ij");
add("\u0134\u0135", "j");
add("\u0136\u0137\u0138", "k");
add("\u0139\u013A\u013B\u013C\u013D\u013E\u013F\u0140\u0141\u0142", "l");
add("\u0143\u0144\u0145\u0146\u0147\u0148\u0149\u014A\u014B", "n");
add("\u014C\u014D\u014E\u014F\u0150\u0151", "o");
add("\u0152\u0153", "oe");
add("\u0154\u0155\u0156\u0157\u0158\u0159", "r");
add("\u015A\u015B\u015C\u015D\u015E\u015F\u0160\u0161\u017F", "s");
add("\u0162\u0163\u0164\u0165\u0166\u0167", "t");
add("\u0168\u0169\u016A\u016B\u016C\u016D\u016E\u016F\u0170\u0171\u0172\u0173", "u");
add("\u0174\u0175", "w");
add("\u0176\u0177\u0178", "y");
add("\u0179\u017A\u017B\u017C\u017D\u017E", "z");
add("\u0180\u0181\u0184\u0185\u0243", "b");
add("\u0187\u0188\u023B\u023C", "c");
add("\u0189\u018A\u0257", "d");
add("\u018B\u018C", "nd");
add("\u0190\u0246\u0247\u01DD", "e");
add("\u0191\u0192", "f");
add("\u0193\u0260\u0261\u0262", "g");
add("\u0196\u0197", "i");
add("\u0198\u0199", "k");
add("\u019C\u026F", "w");
add("\u019D\u019E\u0220", "n");
add("\u019F\u0275\u01FE\u01FF", "o");
add("\u01A4\u01A5", "p");
add("\u01A6\u024C\u024D", "r");
add("\u01A7\u01A8\u01A9\u023F", "s");
add("\u01AA\u01AB\u01AC\u01AD\u01AE\u023E", "t");
add("\u01B1\u01B2\u0244", "u");
add("\u01B5\u01B6\u01B7\u0224\u0225\u0240", "z");
add("\u01BC\u01BD", "q");
add("\u01C4\u01C5\u01C6\u01F1\u01F2\u01F3", "dz");
add("\u01C7\u01C8\u01C9", "lj");
add("\u01CA\u01CB\u01CC", "nj");
add("\u01E2\u01E3\u01FC\u01FD", "ae");
add("\u01E4\u01E5", "g");
add("\u0237\u0248\u0249", "j");
add("\u0238", "db");
add("\u0239", "qp");
add("\u023A\u0251", "a");
add("\u023D", "l");
add("\u0245", "v");
add("\u024A\u024B", "q");
add("\u024E\u024F", "y");
add("\u0271", "m");
add("\u0276", "oe");
add("\u1D00", "a");
add("\u1D01\u1D02", "ae");
add("\u1D03", "b");
add("\u1D04", "c");
add("\u1D05\u1D06", "d");
add("\u1D07", "e");
add("\u1D0A", "j");
add("\u1D0B", "k");
add("\u1D0C", "l");
add("\u1D0D", "m");
add("\u1D0E", "n");
add("\u1D0F", "o");
add("\uA730", "f");
add("\uA731", "s");
add("\uA732\uA733", "aa");
add("\uA734\uA735", "ao");
add("\uA736\uA737", "aj");
add("\uA738\uA739", "av");
add("\uA73B\uA73B\uA73C\uA73D", "af");
add("\uA73A", "af");
add("\uFF3F\uFF5E", "-");
add("\u2100", "ac");
add("\u2101", "as");
add("\u2105", "co");
add("\u2106", "cu");
add("\u2103\u2104", "c");
add("\u2109", "f");
add("\u211E", "px");
add("\u2120", "sm");
add("\u2121", "tel");
add("\u2122", "tm");
add("\u2117", "p");
add("\u210F", "h");
add("\u212E", "e");
var CYR = {
  \u0430: "a",
  \u0431: "b",
  \u0432: "v",
  \u0433: "g",
  \u0434: "d",
  \u0435: "ye",
  \u0451: "yo",
  \u0436: "zh",
  \u0437: "z",
  \u0438: "i",
  \u0439: "j",
  \u043A: "k",
  \u043B: "l",
  \u043C: "m",
  \u043D: "n",
  \u043E: "o",
  \u043F: "p",
  \u0440: "r",
  \u0441: "s",
  \u0442: "t",
  \u0443: "u",
  \u0444: "f",
  \u0445: "h",
  \u0446: "c",
  \u0447: "ch",
  \u0448: "sh",
  \u0449: "shch",
  \u044A: "",
  \u044B: "y",
  \u044C: "",
  \u044D: "e",
  \u044E: "yu",
  \u044F: "ya"
};
for (const [k, v] of Object.entries(CYR)) {
  TABLE.set(k, v);
  TABLE.set(k.toUpperCase(), v);
}
function inDerivedRange(cp2) {
  return cp2 >= 384 && cp2 <= 591 || cp2 >= 7680 && cp2 <= 7935 || cp2 >= 8336 && cp2 <= 8348 || cp2 >= 8448 && cp2 <= 8527 || cp2 >= 9352 && cp2 <= 9450 || cp2 >= 65313 && cp2 <= 65370;
}
function translit(ch) {
  const t = TABLE.get(ch);
  if (t !== void 0) return t;
  const cp2 = ch.codePointAt(0);
  if (!inDerivedRange(cp2)) return "";
  const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[()]/g, "").replace(/\.$/, "").toLowerCase();
  return /^[a-z0-9]+$/.test(base) ? base : "";
}
function slugify(data) {
  let out = "";
  let prevDash = false;
  let cursorDash = false;
  for (const ch of data) {
    const cur = translit(ch);
    if (cur === "") continue;
    cursorDash = cur === "-";
    if (cursorDash && (out === "" || prevDash)) continue;
    out += cur;
    prevDash = cursorDash;
  }
  if (out !== "" && cursorDash) out = out.slice(0, -1);
  return out;
}
function byteLen2(s) {
  return Buffer.byteLength(s, "utf8");
}
function slugWithHash(data, maxSize) {
  const s = slugify(data);
  const hash = legacyMurmurHash(data);
  const parts = [];
  if (s !== "") {
    const maxLength = maxSize - hash.length - SEPARATOR.length;
    let cropped = s.length > maxLength ? s.slice(0, maxLength) : s;
    if (cropped.startsWith("-")) cropped = cropped.slice(0, -1);
    parts.push(cropped);
  }
  parts.push(hash);
  return parts.join(SEPARATOR);
}
function limitedSlug(data, maxSize = DEFAULT_SLUG_MAX) {
  if (!shouldBeSlugged(data, maxSize)) return data;
  return slugWithHash(data, maxSize);
}
function shouldBeSlugged(data, maxSize) {
  if (data.length === 0) return false;
  if (slugify(data) === data && byteLen2(data) <= maxSize) return false;
  if (byteLen2(data) > maxSize) return true;
  if (data.split("--").length - 1 !== 1) return true;
  const formatted = data.replace("--", "-");
  return slugify(formatted) !== formatted;
}
var DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var PROJECT = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
function validateNamespace(name2) {
  if (name2.length === 0) return null;
  if (name2.length > NAMESPACE_MAX) return `kubernetes namespace should be a valid DNS-1123 label: ${JSON.stringify(name2)} is ${name2.length} chars long`;
  if (!DNS1123_LABEL.test(name2)) return `kubernetes namespace should be a valid DNS-1123 label: ${JSON.stringify(name2)} must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`;
  return null;
}
function validateRelease(name2) {
  if (name2.length === 0) return null;
  if (name2.length > RELEASE_MAX) return `helm release name should be a valid DNS-1123 subdomain and be maximum ${RELEASE_MAX} chars: ${JSON.stringify(name2)} is ${name2.length} chars long`;
  if (!DNS1123_SUBDOMAIN.test(name2)) return `helm release name should be a valid DNS-1123 subdomain and be maximum ${RELEASE_MAX} chars: ${JSON.stringify(name2)} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`;
  return null;
}
function slugNamespace(name2) {
  return validateNamespace(name2) === null ? name2 : slugWithHash(name2, NAMESPACE_MAX);
}
function slugRelease(name2) {
  return validateRelease(name2) === null ? name2 : slugWithHash(name2, RELEASE_MAX);
}
function slugProject(name2) {
  if (name2.length === 0 || PROJECT.test(name2) && name2.length <= PROJECT_MAX) return name2;
  const s = slugify(name2);
  return s.length > PROJECT_MAX ? s.slice(0, PROJECT_MAX) : s;
}

// packages/core/src/build/dockerignore.ts
import { posix } from "node:path";
var DockerIgnore = class _DockerIgnore {
  patterns;
  cache = /* @__PURE__ */ new Map();
  constructor(patterns) {
    this.patterns = patterns.map(compilePattern).filter((p) => p !== void 0);
  }
  /** Parses .dockerignore content. */
  static parse(content) {
    const lines2 = [];
    for (const raw of content.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      lines2.push(line);
    }
    return new _DockerIgnore(lines2);
  }
  get empty() {
    return this.patterns.length === 0;
  }
  /** Is `path` (relative to the context, '/'-separated) excluded from the context? */
  ignores(path) {
    if (this.patterns.length === 0) return false;
    const cached = this.cache.get(path);
    if (cached !== void 0) return cached;
    const parents = path.split("/");
    parents.pop();
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let m = p.re.test(path);
      if (!m && parents.length > 0) {
        for (let i = 1; i <= parents.length; i++) {
          if (p.re.test(parents.slice(0, i).join("/"))) {
            m = true;
            break;
          }
        }
      }
      if (m) matched = !p.exclusion;
    }
    this.cache.set(path, matched);
    return matched;
  }
  /**
   * For a directory: 'all' when the directory and everything below is
   * ignored, 'none' when nothing below can be ignored, 'some' otherwise.
   */
  dirStatus(dir) {
    if (this.patterns.length === 0) return "none";
    const segs = dir === "" ? [] : dir.split("/");
    let anyAffects = false;
    for (const p of this.patterns) {
      if (patternMayMatchUnder(p.segments, segs)) {
        anyAffects = true;
        if (p.exclusion) return "some";
      }
    }
    if (!anyAffects) return "none";
    if (dir !== "" && this.ignores(dir)) return "all";
    return "some";
  }
};
function compilePattern(raw) {
  let text2 = raw;
  let exclusion = false;
  if (text2.startsWith("!")) {
    exclusion = true;
    text2 = text2.slice(1).trim();
    if (text2 === "") return void 0;
  }
  text2 = posix.normalize(text2);
  if (text2.length > 1 && text2.startsWith("/")) text2 = text2.slice(1);
  if (text2.endsWith("/") && text2.length > 1) text2 = text2.slice(0, -1);
  if (text2 === ".") text2 = "";
  return { text: text2, exclusion, re: globToRegex(text2), segments: text2 === "" ? [] : text2.split("/") };
}
function globToRegex(pattern) {
  let re = "^";
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "*") {
      if (chars[i + 1] === "*") {
        i++;
        if (chars[i + 1] === "/") i++;
        if (i + 1 >= chars.length) re += ".*";
        else re += "(.*/)?";
      } else re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else if (ch === "\\") {
      const n = chars[++i];
      if (n !== void 0) re += escapeRe2(n);
    } else if (ch === "[") {
      const close = chars.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        let cls = chars.slice(i + 1, close).join("");
        if (cls.startsWith("!")) cls = "^" + cls.slice(1);
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else re += escapeRe2(ch);
  }
  re += "$";
  try {
    return new RegExp(re, "s");
  } catch {
    return new RegExp("^" + escapeRe2(pattern) + "$");
  }
}
function escapeRe2(c) {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
var segCache = /* @__PURE__ */ new Map();
function segmentRe(seg) {
  let r = segCache.get(seg);
  if (!r) {
    r = globToRegex(seg);
    segCache.set(seg, r);
  }
  return r;
}
function patternMayMatchUnder(patternSegs, dirSegs) {
  if (patternSegs.length === 0) return true;
  for (let i = 0; i < patternSegs.length; i++) {
    const ps = patternSegs[i];
    if (ps.includes("**")) return true;
    if (i >= dirSegs.length) return true;
    if (!segmentRe(ps).test(dirSegs[i])) return false;
  }
  return true;
}
var SourceMatcher = class {
  globs;
  constructor(sources) {
    this.globs = sources.map((s) => {
      let t = posix.normalize(s.replace(/^\.\/+/, ""));
      t = t.replace(/^\/+/, "").replace(/\/+$/, "");
      if (t === "." || t === "") return { segs: [], re: /^/, all: true };
      return { segs: t.split("/"), re: globToRegex(t), all: false };
    });
  }
  /** The file (or directory) is copied: a source matches it or one of its parents. */
  matches(path) {
    const segs = path.split("/");
    for (const g of this.globs) {
      if (g.all) return true;
      for (let i = 1; i <= segs.length; i++) if (g.re.test(segs.slice(0, i).join("/"))) return true;
    }
    return false;
  }
  /** 'all': everything under `dir` is copied; 'none': nothing; 'some': look inside. */
  dirStatus(dir) {
    if (dir === "") return this.globs.some((g) => g.all) ? "all" : this.globs.length ? "some" : "none";
    if (this.matches(dir)) return "all";
    const segs = dir.split("/");
    for (const g of this.globs) if (patternMayMatchUnder(g.segs, segs)) return "some";
    return "none";
  }
};

// packages/core/src/config/load.ts
var DEFAULT_CONFIGS = ["werf.yaml", "werf.yml"];
function relTo(dir, p) {
  const abs = resolve2(dir, p);
  if (abs === dir) return "";
  if (!abs.startsWith(dir + "/")) {
    throw new WerfActionError(`${p} is outside the project directory ${dir}`, { code: "config.path-escape", location: { subject: p } });
  }
  return abs.slice(dir.length + 1);
}
async function loadProject(opts) {
  const { ctx } = opts;
  const env = opts.env ?? "";
  const loose = opts.looseGiterminism ?? false;
  const dev = opts.dev ?? false;
  const dir = await realpath3(resolve2(opts.dir)).catch(() => {
    throw new WerfActionError(`the project directory ${opts.dir} does not exist`, { code: "config.not-found", location: { subject: opts.dir }, hint: "check --dir" });
  });
  const templatesDir = relTo(dir, opts.configTemplatesDir ?? ".werf");
  const giterminismPath = relTo(dir, opts.giterminismConfig ?? GITERMINISM_CONFIG);
  const configCandidates = opts.config ? [relTo(dir, opts.config)] : DEFAULT_CONFIGS;
  if (loose) ctx.log.warn("giterminism is off (--loose-giterminism): werf.yaml, templates and files are read from the work tree");
  const firstPaths = [giterminismPath, ...configCandidates];
  const [repo, objs, tmplEntries] = await Promise.all([
    GitRepo.open(dir, { workTree: opts.gitWorkTree, ctx }),
    readObjectsIn(dir, ["HEAD", ...firstPaths.map((p) => `HEAD:./${p}`)], { followSymlinks: true, signal: ctx.signal }),
    lsTreeIn(dir, "HEAD", [templatesDir || "."], { signal: ctx.signal })
  ]);
  const projectPath = repo.relative(dir) ?? "";
  const headObj = objs.get("HEAD");
  if (!headObj || headObj.kind !== "commit") await repo.headCommit();
  const head = parseCommitObject(headObj.hash, headObj.content);
  const files = new ProjectFiles(repo, head.hash, projectPath, dir, { dev, loose });
  for (const p of firstPaths) files.seed(p, objs.get(`HEAD:./${p}`) ?? { kind: "missing" });
  const tmplTree = /* @__PURE__ */ new Map();
  for (const e of tmplEntries) {
    if (e.type === "blob" && e.mode !== "120000" && e.path.endsWith(".tmpl") && (!templatesDir || e.path.startsWith(templatesDir + "/"))) tmplTree.set(e.path, e.hash);
  }
  let giterminism = defaultGiterminism();
  {
    const m = await files.readChecked([giterminismPath], { what: giterminismPath, allowHint: "nothing (it must be committed)" }, () => false);
    const text2 = m.get(giterminismPath);
    if (text2 != null) giterminism = parseGiterminism(text2, giterminismPath);
  }
  const cfgAllowed = () => giterminism.config.allowUncommitted;
  let configPath;
  let source = null;
  for (const c of configCandidates) {
    const m = await files.readChecked([c], { what: c, allowHint: "it with config.allowUncommitted: true" }, cfgAllowed);
    source = m.get(c) ?? null;
    if (source !== null) {
      configPath = c;
      break;
    }
  }
  if (configPath === void 0 || source === null) {
    const where = files.useWorkTree(cfgAllowed()) ? "the project directory" : `the current commit ${head.hash.slice(0, 12)}`;
    const untracked = !files.useWorkTree(cfgAllowed()) && await files.readDisk(configCandidates[0]).catch(() => null) !== null;
    throw new WerfActionError(`${configCandidates.join(" or ")} not found in ${where}${untracked ? " (it exists but is not committed)" : ""}`, {
      code: "config.not-found",
      location: { file: configCandidates[0], subject: dir },
      hint: untracked ? "commit it, or run with --dev" : "create werf.yaml in the project directory, or pass --config"
    });
  }
  const templates = await loadTemplates(files, templatesDir, tmplTree, giterminism);
  const rendered = renderWerfYaml({
    configPath,
    source,
    templates,
    env,
    commit: head,
    files,
    giterminism,
    loose,
    dev,
    processEnv: ctx.env,
    debugTemplates: opts.debugTemplates,
    log: ctx.log
  });
  const { meta, images } = parseRendered(rendered, source, configPath, ctx.env, templates);
  if (!meta) {
    const origin = await repo.remoteUrl();
    const suggested = slugProject(origin ? originPath(origin) : basename(dir));
    throw new WerfActionError("the meta config section is not defined: werf.yaml needs a section with `configVersion` and `project`", {
      code: "config.no-meta",
      location: { file: configPath, line: 1, column: 1 },
      hint: `add at the top of ${configPath}:
configVersion: 1
project: ${suggested}
---
(the project name cannot be changed later without rebuilding and redeploying)`
    });
  }
  validateImages(images);
  checkImageGiterminism(images, giterminism, { loose, dev });
  const project = {
    dir,
    gitRoot: repo.root,
    projectPath,
    configPath,
    templatesDir,
    commit: head,
    env,
    dev,
    looseGiterminism: loose,
    meta,
    images,
    giterminism,
    rendered,
    uncommittedFilesRead: []
  };
  await checkBuildFiles(project, files, opts.checkContexts ?? false);
  project.uncommittedFilesRead = [...files.workTreeReads].sort();
  return project;
}
function originPath(url) {
  let p = url;
  const scp = /^[^/@]+@[^:/]+:(.*)$/.exec(url);
  if (scp) p = scp[1];
  else {
    try {
      p = new URL(url).pathname;
    } catch {
    }
  }
  return p.replace(/^\/+/, "").replace(/\.git$/, "");
}
async function loadTemplates(files, dir, tree, g) {
  const prefix = dir ? dir + "/" : "";
  const allowed = (p) => matchGlobList(g.config.allowUncommittedTemplates, p);
  const kind = { what: "templates", allowHint: "them with config.allowUncommittedTemplates" };
  const onDisk = (await walkDir(files.projectDir, dir)).filter((p) => p.endsWith(".tmpl"));
  let names;
  if (files.mode.loose || files.mode.dev) {
    names = new Set(onDisk);
    if (files.mode.dev) {
      const known = new Set(await files.listWorkTree(dir));
      names = new Set([...names].filter((p) => known.has(p)));
    }
  } else {
    names = /* @__PURE__ */ new Set([...tree.keys(), ...onDisk.filter(allowed)]);
    const checked = [.../* @__PURE__ */ new Set([...tree.keys(), ...onDisk])].filter((p) => !allowed(p));
    const algo2 = [...tree.values()][0]?.length === 64 ? "sha256" : "sha1";
    const slow = [];
    await Promise.all(checked.map(async (p) => {
      const h = tree.get(p);
      const disk = h ? await files.readDisk(p).catch(() => null) : null;
      if (h && disk && blobHash(disk, algo2) === h) files.seed(p, { kind: "blob", hash: h, content: disk });
      else slow.push(p);
    }));
    if (slow.length) {
      const byHash = await files.repo.readObjects(slow.filter((p) => tree.has(p)).map((p) => tree.get(p)));
      for (const p of slow) files.seed(p, tree.has(p) ? byHash.get(tree.get(p)) ?? { kind: "missing" } : { kind: "missing" });
      await files.assertUnchanged(slow.sort(), kind);
    }
  }
  const list2 = [...names].sort();
  const contents = await files.readChecked(list2, kind, allowed);
  const out = [];
  for (const p of list2) {
    const text2 = contents.get(p);
    if (text2 == null) continue;
    out.push({ name: p.slice(prefix.length), file: p, source: text2 });
  }
  return out;
}
function dockerfilePath(img) {
  const parts = [];
  for (const seg of (img.context ? `${img.context}/${img.dockerfile}` : img.dockerfile).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}
async function checkBuildFiles(project, files, checkContexts) {
  const g = project.giterminism;
  const dfImages = project.images.filter((i) => i.kind === "dockerfile");
  const ignoreFiles = (img) => [`${dockerfilePath(img)}.dockerignore`, img.context ? `${img.context}/.dockerignore` : ".dockerignore"];
  const workTree = files.mode.loose || files.mode.dev;
  if (workTree) {
    for (const img of dfImages) {
      const df = dockerfilePath(img);
      const k = await files.pathKind(df, true);
      if (k !== "file") throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} does not exist`, { code: "config.not-found", location: { ...img.pos } });
      await files.readDisk(df);
    }
    return;
  }
  const toFetch = /* @__PURE__ */ new Set();
  for (const img of dfImages) {
    toFetch.add(dockerfilePath(img));
    for (const f of ignoreFiles(img)) toFetch.add(f);
    if (img.context) toFetch.add(img.context);
  }
  for (const img of project.images) {
    if (img.kind !== "stapel") continue;
    for (const gm of img.git) if (gm.url === void 0 && gm.add !== "/") toFetch.add(gm.add.replace(/^\/+/, "").replace(/\/+$/, ""));
  }
  await files.prefetch([...toFetch]);
  for (const img of dfImages) {
    const df = dockerfilePath(img);
    if (img.context) {
      const ci = files.object(img.context);
      if (ci.kind === "outside") throw new WerfActionError(`the build context ${img.context} of image ${JSON.stringify(img.name)} is a symlink to ${ci.target}, outside the repository`, { code: "config.path-escape", location: { ...img.pos } });
      if (ci.kind === "blob") throw new WerfActionError(`the build context ${img.context} of image ${JSON.stringify(img.name)} is a file, not a directory`, { code: "config.invalid-path", location: { ...img.pos } });
    }
    const di = files.object(df);
    const allowedDf = matchGlobList(g.config.dockerfile.allowUncommitted, df);
    if (di.kind === "outside") throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} is a symlink to ${di.target}, outside the repository`, { code: "config.path-escape", location: { ...img.pos } });
    if (allowedDf) {
      if (await files.readDisk(df) === null) throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} does not exist`, { code: "config.not-found", location: { ...img.pos } });
    } else {
      if (di.kind !== "blob") {
        throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} is not in the current commit ${project.commit.hash.slice(0, 12)}`, {
          code: "config.not-found",
          location: { ...img.pos },
          hint: "commit it (or fix `dockerfile` / `context`); use --dev to build from the work tree"
        });
      }
      await files.assertUnchanged([df], { what: `the Dockerfile of image ${JSON.stringify(img.name)}`, allowHint: `${df} with config.dockerfile.allowUncommitted` }, () => ({ ...img.pos }));
    }
    for (const f of img.contextAddFiles) {
      const rel = img.context ? `${img.context}/${f}` : f;
      if (await files.pathKind(rel, true) === null) {
        throw new WerfActionError(`contextAddFiles entry ${JSON.stringify(f)} of image ${JSON.stringify(img.name)} does not exist in the work tree (${rel})`, { code: "config.not-found", location: { ...img.pos } });
      }
    }
    const ignores = ignoreFiles(img).filter((f) => !matchGlobList(g.config.dockerfile.allowUncommittedDockerignoreFiles, f));
    await files.assertUnchanged(ignores, { what: `the .dockerignore of image ${JSON.stringify(img.name)}`, allowHint: `${ignores.join(" / ")} with config.dockerfile.allowUncommittedDockerignoreFiles` }, () => ({ ...img.pos }));
  }
  for (const img of project.images) {
    if (img.kind !== "stapel") continue;
    for (const gm of img.git) {
      if (gm.url !== void 0 || gm.add === "/") continue;
      const a = gm.add.replace(/^\/+/, "").replace(/\/+$/, "");
      if (files.object(a)?.kind === "outside") throw new WerfActionError(`git.add ${gm.add} of image ${JSON.stringify(img.name)} is a symlink outside the repository`, { code: "config.path-escape", location: { ...gm.pos } });
    }
  }
  if (checkContexts) await checkContextFiles(project, files, dfImages);
}
async function checkContextFiles(project, files, dfImages) {
  const g = project.giterminism;
  const chart = project.meta.deploy.helmChartDir.replace(/^\.\//, "").replace(/\/+$/, "");
  await files.loadStatus([.../* @__PURE__ */ new Set([...dfImages.map((i) => i.context), chart])]);
  for (const img of dfImages) {
    const df = dockerfilePath(img);
    const ignore = await dockerignoreMatcher(files, img);
    const addFiles = img.contextAddFiles.map((f) => img.context ? `${img.context}/${f}` : f);
    const bad3 = files.uncommitted(img.context).filter((e) => {
      const p = files.fromRepo(e.path);
      if (p === df || p.endsWith(".dockerignore")) return false;
      if (addFiles.some((a) => p === a || p.startsWith(a + "/"))) return false;
      const inCtx = img.context ? p.slice(img.context.length + 1) : p;
      return !ignore.ignores(inCtx);
    });
    if (bad3.length) {
      throw files.uncommittedError(bad3, { what: `the build context of image ${JSON.stringify(img.name)}`, allowHint: "untracked files with contextAddFiles (and config.dockerfile.allowContextAddFiles)" }, () => ({ ...img.pos }));
    }
  }
  const bad2 = files.uncommitted(chart).filter((e) => !matchGlobList(g.helm.allowUncommittedFiles, files.fromRepo(e.path)));
  if (bad2.length) throw files.uncommittedError(bad2, { what: "the chart", allowHint: "them with helm.allowUncommittedFiles" }, (p) => ({ file: p }));
}
async function dockerignoreMatcher(files, img) {
  const df = dockerfilePath(img);
  const cands = [`${df}.dockerignore`, img.context ? `${img.context}/.dockerignore` : ".dockerignore"];
  await files.prefetch(cands);
  const found = cands.map((c) => files.object(c)).find((o) => o?.kind === "blob");
  return DockerIgnore.parse(found?.content?.toString("utf8") ?? "");
}

// packages/core/src/registry/types.ts
var MediaType = {
  OciManifest: "application/vnd.oci.image.manifest.v1+json",
  OciIndex: "application/vnd.oci.image.index.v1+json",
  OciConfig: "application/vnd.oci.image.config.v1+json",
  OciLayerTarGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  OciLayerTar: "application/vnd.oci.image.layer.v1.tar",
  DockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  DockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  DockerConfig: "application/vnd.docker.container.image.v1+json",
  DockerLayerTarGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  DockerLayerTar: "application/vnd.docker.image.rootfs.diff.tar"
};
var MANIFEST_ACCEPT = [
  MediaType.OciManifest,
  MediaType.OciIndex,
  MediaType.DockerManifest,
  MediaType.DockerManifestList
].join(", ");
function isIndex(m) {
  return Array.isArray(m.manifests);
}

// packages/core/src/registry/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var TAG_RE = /^[\w][\w.-]{0,127}$/;
var DIGEST_RE2 = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
var COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function isValidTag(tag2) {
  return TAG_RE.test(tag2);
}
function bad(ref, why) {
  return new WerfActionError(`invalid image reference "${ref}": ${why}`, {
    code: "registry.invalid-reference",
    location: { subject: ref },
    hint: "expected [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lower-case name"
  });
}
function parseReference(ref) {
  let rest = ref.trim();
  if (!rest) throw bad(ref, "empty");
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE2.test(digest)) throw bad(ref, `bad digest "${digest}"`);
  }
  let tag2;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag2 = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag2)) throw bad(ref, `bad tag "${tag2}"`);
  }
  const { registry, repository } = splitRepository(rest, ref);
  return { registry, repository, tag: tag2, digest };
}
function parseRepository(repo) {
  const r = parseReference(repo);
  if (r.tag || r.digest) throw bad(repo, "a repository must not have a tag or digest");
  return { registry: r.registry, repository: r.repository };
}
function splitRepository(name2, original) {
  let registry = DOCKER_HUB;
  let path = name2;
  const slash = name2.indexOf("/");
  if (slash >= 0) {
    const first = name2.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase()) {
      registry = first;
      path = name2.slice(slash + 1);
    }
  }
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = DOCKER_HUB;
  if (!path) throw bad(original, "empty repository name");
  for (const c of path.split("/")) {
    if (!COMPONENT_RE.test(c)) throw bad(original, `bad name component "${c}"`);
  }
  if (registry === DOCKER_HUB && !path.includes("/")) path = `library/${path}`;
  return { registry, repository: path };
}
function apiHost(registry) {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

// packages/core/src/registry/auth.ts
function parseChallenge(header) {
  if (!header) return void 0;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return void 0;
  const scheme = m[1].toLowerCase();
  if (scheme !== "basic" && scheme !== "bearer") return void 0;
  const params = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  let p;
  while ((p = re.exec(m[2])) !== null) {
    params[p[1].toLowerCase()] = (p[2] !== void 0 ? p[2].replace(/\\(.)/g, "$1") : p[3]) ?? "";
  }
  return { scheme, realm: params.realm, service: params.service, scope: params.scope };
}
function repositoryScope(repository, actions) {
  const set2 = new Set(actions);
  if (set2.has("push")) set2.add("pull");
  const order = ["pull", "push", "delete"];
  return `repository:${repository}:${order.filter((a) => set2.has(a)).join(",")}`;
}
function mergeScopes(...scopes) {
  const byResource = /* @__PURE__ */ new Map();
  for (const list2 of scopes) {
    for (const s of (list2 ?? "").split(/\s+/).filter(Boolean)) {
      const i = s.lastIndexOf(":");
      if (i < 0) continue;
      const res = s.slice(0, i);
      const acts = byResource.get(res) ?? /* @__PURE__ */ new Set();
      for (const a of s.slice(i + 1).split(",").filter(Boolean)) acts.add(a);
      byResource.set(res, acts);
    }
  }
  return [...byResource.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([res, acts]) => `${res}:${[...acts].sort().join(",")}`).join(" ");
}

// packages/core/src/registry/credentials.ts
import { readFile as readFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join3 } from "node:path";
function dockerConfigDir(env) {
  return env.WERF_DOCKER_CONFIG || env.DOCKER_CONFIG || join3(env.HOME || homedir(), ".docker");
}
async function readDockerConfig(dir) {
  const path = join3(dir, "config.json");
  let text2;
  try {
    text2 = await readFile2(path, "utf8");
  } catch {
    return void 0;
  }
  try {
    return { path, config: JSON.parse(text2) };
  } catch (e) {
    throw new WerfActionError(`cannot parse docker config ${path}: ${e.message}`, {
      code: "registry.bad-docker-config",
      location: { file: path },
      hint: "fix the JSON or point DOCKER_CONFIG at another directory"
    });
  }
}
function configKey(registry) {
  return registry === DOCKER_HUB ? "https://index.docker.io/v1/" : registry;
}
function keyHost(key) {
  let k = key.replace(/^https?:\/\//, "");
  const slash = k.indexOf("/");
  if (slash >= 0) k = k.slice(0, slash);
  if (k === "index.docker.io" || k === "registry-1.docker.io") return DOCKER_HUB;
  return k;
}
var runCredentialHelper = async (helper, serverUrl, ctx) => {
  const program = `docker-credential-${helper}`;
  try {
    const { execa: execa2 } = await import("./execa-7S5X54KW.js");
    const r = await execa2(program, ["get"], { input: serverUrl, cancelSignal: ctx.signal, env: { ...ctx.env }, extendEnv: false, reject: false });
    if (r.exitCode !== 0) {
      const out = `${r.stdout}`.trim();
      if (/credentials not found/i.test(out)) return void 0;
      throw new WerfActionError(`credential helper ${program} failed for ${serverUrl}: ${out || `exit code ${r.exitCode}`}`, {
        code: "registry.credential-helper-failed",
        location: { subject: serverUrl },
        hint: `check that ${program} works: echo ${serverUrl} | ${program} get`
      });
    }
    return JSON.parse(`${r.stdout}`);
  } catch (e) {
    if (e instanceof WerfActionError) throw e;
    throw new WerfActionError(`credential helper ${program} could not run for ${serverUrl}: ${e.message}`, {
      code: "registry.credential-helper-failed",
      location: { subject: serverUrl },
      hint: `install ${program} or remove it from the docker config`
    });
  }
};
async function resolveCredentials(registry, ctx, options = {}) {
  const dir = options.configDir ?? dockerConfigDir(ctx.env);
  const loaded = await readDockerConfig(dir);
  if (!loaded) return { source: `anonymous (no ${join3(dir, "config.json")})` };
  const { path, config } = loaded;
  const runHelper = options.runHelper ?? runCredentialHelper;
  const key = configKey(registry);
  const fromHelper = async (helper, what) => {
    const got = await runHelper(helper, key, ctx);
    if (!got || !got.Secret && !got.Username) return void 0;
    const source = `${what} docker-credential-${helper} (${path})`;
    if (got.Secret) ctx.log.mask(got.Secret);
    if (got.Username === "<token>") return { identityToken: got.Secret, source };
    return { username: got.Username, password: got.Secret, source };
  };
  const helperName = config.credHelpers?.[key] ?? config.credHelpers?.[registry] ?? (registry === DOCKER_HUB ? config.credHelpers?.["index.docker.io"] : void 0);
  if (helperName) {
    const c = await fromHelper(helperName, "credHelpers");
    if (c) return c;
  }
  for (const [k, entry] of Object.entries(config.auths ?? {})) {
    if (keyHost(k) !== registry) continue;
    const c = { source: `auths["${k}"] in ${path}` };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      ctx.log.mask(entry.auth);
      const sep = decoded.indexOf(":");
      if (sep < 0) {
        throw new WerfActionError(`docker config ${path}: auths["${k}"].auth is not base64 of user:password`, {
          code: "registry.bad-docker-config",
          location: { file: path, subject: registry },
          hint: `run docker login ${registry} again`
        });
      }
      c.username = decoded.slice(0, sep);
      c.password = decoded.slice(sep + 1);
    }
    if (entry.username) c.username = entry.username;
    if (entry.password) c.password = entry.password;
    if (entry.identitytoken) c.identityToken = entry.identitytoken;
    if (entry.registrytoken) c.registryToken = entry.registrytoken;
    for (const s of [c.password, c.identityToken, c.registryToken]) if (s) ctx.log.mask(s);
    if (c.password || c.identityToken || c.registryToken) return c;
  }
  if (config.credsStore) {
    const c = await fromHelper(config.credsStore, "credsStore");
    if (c) return c;
  }
  return { source: `anonymous (no entry for ${registry} in ${path})` };
}

// packages/core/src/registry/client.ts
import { createHash as createHash5 } from "node:crypto";
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
import { rootCertificates } from "node:tls";
import { join as join4 } from "node:path";

// packages/core/src/registry/http.ts
var loading;
function undici() {
  return loading ??= import("./undici-GSSLRB5A.js").then((m) => {
    const mod = m.default ?? m;
    return { Agent: mod.Agent, fetch: mod.fetch };
  });
}

// packages/core/src/registry/client.ts
var RETRY_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var Semaphore = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  active = 0;
  queue = [];
  async acquire() {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise((r) => this.queue.push(r));
  }
  release() {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
};
function sha2562(data) {
  return `sha256:${createHash5("sha256").update(data).digest("hex")}`;
}
function hostMatches(list2, host) {
  if (list2 === true) return true;
  if (!list2) return false;
  return list2.includes(host);
}
function parseRetryAfter(value2, now) {
  if (!value2) return void 0;
  const v = value2.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1e3);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return void 0;
  return Math.max(0, t - now);
}
var RegistryClient = class {
  constructor(ctx, options = {}) {
    this.ctx = ctx;
    this.opts = options;
    this.sem = new Semaphore(Math.max(1, options.concurrency ?? 8));
    for (const c of Object.values(options.credentials ?? {})) {
      for (const s of [c.password, c.identityToken, c.registryToken]) if (s) ctx.log.mask(s);
    }
  }
  ctx;
  hosts = /* @__PURE__ */ new Map();
  sem;
  opts;
  /** A handle on one repository (`host[:port]/path`, docker.io when no host). */
  repository(name2) {
    const { registry, repository } = parseRepository(name2);
    return new Repository(this, registry, repository);
  }
  /** Close TLS agents (idle keep-alive sockets would hold the process open). */
  async close() {
    for (const h of this.hosts.values()) {
      await h.probed;
      const d = await h.dispatcher;
      await d?.close();
    }
    this.hosts.clear();
  }
  host(registry) {
    let h = this.hosts.get(registry);
    if (!h) {
      const insecure = hostMatches(this.opts.insecureRegistry, registry);
      const state = { registry, baseUrl: `https://${apiHost(registry)}`, tokens: /* @__PURE__ */ new Map() };
      if (insecure) {
        const agent = undici().then((u) => new u.Agent({ connect: { rejectUnauthorized: false } }));
        state.dispatcher = agent;
        state.probed = agent.then((a) => this.probeScheme(state, a));
      } else {
        state.dispatcher = this.makeDispatcher(registry);
      }
      h = state;
      this.hosts.set(registry, h);
    }
    return h;
  }
  /** Insecure host: keep HTTPS (unverified) if it answers TLS, else switch to plain HTTP. */
  async probeScheme(h, agent) {
    const started = Date.now();
    let status = 0;
    try {
      const { fetch } = await undici();
      const r = await fetch(`${h.baseUrl}/v2/`, {
        dispatcher: agent,
        signal: AbortSignal.any([this.ctx.signal, AbortSignal.timeout(this.opts.timeoutMs ?? 6e4)])
      });
      status = r.status;
      await r.arrayBuffer();
      if (status === 401) {
        const ch = parseChallenge(r.headers.get("www-authenticate"));
        if (ch) h.challenge = { ...ch, scope: void 0 };
      }
    } catch {
      h.baseUrl = `http://${apiHost(h.registry)}`;
      h.dispatcher = Promise.resolve(void 0);
      await agent.close().catch(() => void 0);
    }
    this.opts.onRequest?.({ registry: h.registry, method: "GET", path: "/v2/", status, attempt: 0, durationMs: Date.now() - started });
    this.ctx.log.debug(`registry ${h.registry} is insecure: using ${h.baseUrl}`);
  }
  async makeDispatcher(registry) {
    const { Agent } = await undici();
    if (hostMatches(this.opts.skipTlsVerifyRegistry, registry)) {
      return new Agent({ connect: { rejectUnauthorized: false } });
    }
    const extra = [];
    const given = this.opts.caCerts?.[registry];
    if (given) extra.push(given);
    for (const base of this.opts.certsDirs ?? ["/etc/docker/certs.d", "/etc/containers/certs.d"]) {
      const dir = join4(base, registry);
      let names;
      try {
        names = await readdir2(dir);
      } catch {
        continue;
      }
      for (const n of names.filter((x) => x.endsWith(".crt")).sort()) extra.push(await readFile3(join4(dir, n), "utf8"));
    }
    return new Agent(extra.length ? { connect: { ca: [...rootCertificates, ...extra] } } : {});
  }
  credentials(h) {
    if (!h.credentials) {
      const given = this.opts.credentials?.[h.registry];
      h.credentials = given ? Promise.resolve({ ...given, source: given.source ?? "explicit credentials" }) : resolveCredentials(h.registry, this.ctx, { configDir: this.opts.dockerConfigDir, runHelper: this.opts.runCredentialHelper });
    }
    return h.credentials;
  }
  async sleep(ms) {
    if (ms <= 0) return;
    const signal = this.ctx.signal;
    await new Promise((resolve8, reject) => {
      const t = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve8();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(signal.reason ?? new Error("aborted"));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    });
  }
  backoff(attempt) {
    const base = this.opts.backoffMs ?? 250;
    const d = base * 2 ** attempt;
    return Math.min(this.opts.maxDelayMs ?? 3e4, d / 2 + Math.random() * (d / 2));
  }
  /** Authorization header for a request with this scope, fetching a token if needed. */
  async authorization(h, scope, creds, operation) {
    const ch = h.challenge;
    if (!ch) return void 0;
    if (ch.scheme === "basic") {
      if (creds.username !== void 0 && creds.password !== void 0) {
        return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
      }
      return void 0;
    }
    if (creds.registryToken) return `Bearer ${creds.registryToken}`;
    const fullScope = scope ?? "";
    const cached = h.tokens.get(fullScope);
    if (cached && cached.expiresAt > this.ctx.now()) return `Bearer ${cached.token}`;
    const pending = h.pendingTokens ??= /* @__PURE__ */ new Map();
    let p = pending.get(fullScope);
    if (!p) {
      p = this.fetchToken(h, ch, fullScope, creds, operation).finally(() => pending.delete(fullScope));
      pending.set(fullScope, p);
    }
    return `Bearer ${await p}`;
  }
  async fetchToken(h, ch, scope, creds, operation) {
    if (!ch.realm) throw this.error(h, "registry.auth-failed", `the registry's Bearer challenge has no realm`, operation, creds);
    const url = new URL(ch.realm);
    const dispatcher = await this.dispatcherFor(url, h);
    let res;
    if (creds.identityToken) {
      const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: creds.identityToken, client_id: "werf-action" });
      if (ch.service) form.set("service", ch.service);
      if (scope) form.set("scope", scope);
      res = await this.send(h, "POST", url.toString(), { "content-type": "application/x-www-form-urlencoded" }, form.toString(), dispatcher, "token");
    } else {
      if (ch.service) url.searchParams.set("service", ch.service);
      for (const s of scope.split(" ").filter(Boolean)) url.searchParams.append("scope", s);
      const headers = {};
      if (creds.username !== void 0 && creds.password !== void 0) {
        headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
      }
      res = await this.send(h, "GET", url.toString(), headers, void 0, dispatcher, "token");
    }
    if (res.status === 401 || res.status === 403) {
      throw this.error(h, "registry.unauthorized", `the token server ${url.host} refused the credentials (HTTP ${res.status})`, operation, creds);
    }
    if (res.status !== 200) {
      throw this.error(h, "registry.auth-failed", `the token server ${url.host} answered HTTP ${res.status}`, operation, creds);
    }
    let body;
    try {
      body = JSON.parse(res.body.toString("utf8"));
    } catch {
      body = {};
    }
    const token = body.token ?? body.access_token;
    if (!token) throw this.error(h, "registry.auth-failed", `the token server ${url.host} returned no token`, operation, creds);
    this.ctx.log.mask(token);
    const ttl = Math.max(30, body.expires_in ?? 60) * 1e3;
    h.tokens.set(scope, { token, expiresAt: this.ctx.now() + ttl - 1e4 });
    return token;
  }
  async dispatcherFor(url, h) {
    if (url.protocol !== "https:") return void 0;
    if (url.host === apiHost(h.registry)) return h.dispatcher;
    return void 0;
  }
  /** One HTTP exchange, with retries for 429/5xx and network errors. */
  async send(h, method, url, headers, body, dispatcher, operation) {
    const retries = this.opts.retries ?? 5;
    const path = (() => {
      const u = new URL(url);
      return u.host === apiHost(h.registry) ? u.pathname + u.search : url;
    })();
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      await this.sem.acquire();
      let res;
      let netErr;
      try {
        const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 6e4);
        const { fetch } = await undici();
        const r = await fetch(url, {
          method,
          headers,
          body,
          dispatcher,
          signal: AbortSignal.any([this.ctx.signal, timeout])
        });
        const buf = Buffer.from(await r.arrayBuffer());
        res = { status: r.status, headers: r.headers, body: buf, url: r.url || url };
      } catch (e) {
        netErr = e;
      } finally {
        this.sem.release();
      }
      this.opts.onRequest?.({ registry: h.registry, method, path, status: res?.status ?? 0, attempt, durationMs: Date.now() - started });
      if (this.ctx.signal.aborted) throw this.ctx.signal.reason ?? new Error("aborted");
      if (res && !RETRY_STATUS.has(res.status)) return res;
      if (attempt >= retries || !res && isPermanentNetworkError(netErr)) {
        if (res) return res;
        const creds = await this.credentials(h);
        const cause = netErr;
        const detail = cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? String(netErr);
        throw this.error(h, "registry.unreachable", `cannot reach ${new URL(url).host} (${detail}) after ${attempt + 1} attempts`, operation, creds, netErr);
      }
      let delay = this.backoff(attempt);
      if (res) {
        const ra = parseRetryAfter(res.headers.get("retry-after"), this.ctx.now());
        if (ra !== void 0) delay = Math.min(this.opts.maxDelayMs ?? 3e4, Math.max(ra, 0));
        this.ctx.log.debug(`registry ${h.registry}: ${method} ${path} answered ${res.status}, retry ${attempt + 1}/${retries} in ${delay}ms`);
      } else {
        this.ctx.log.debug(`registry ${h.registry}: ${method} ${path} failed (${netErr?.message}), retry ${attempt + 1}/${retries} in ${delay}ms`);
      }
      await this.sleep(delay);
    }
  }
  /**
   * @internal A single request whose body is streamed (in and/or out). No
   * retries and no 401 round: call it after a buffered request to the same
   * repository and scope has settled the authentication (the caller retries
   * the whole transfer).
   */
  async streamRequest(registry, o) {
    const h = this.host(registry);
    await h.probed;
    const creds = await this.credentials(h);
    const dispatcher = await h.dispatcher;
    const url = /^https?:\/\//.test(o.path) ? o.path : `${h.baseUrl}${o.path}`;
    const scope = mergeScopes(o.repository && o.actions ? repositoryScope(o.repository, o.actions) : void 0, ...o.extraScopes ?? []) || void 0;
    const headers = { ...o.headers };
    const auth = await this.authorization(h, scope, creds, o.operation);
    if (auth) headers.authorization = auth;
    if (o.contentLength !== void 0) headers["content-length"] = String(o.contentLength);
    const started = Date.now();
    await this.sem.acquire();
    try {
      const { fetch } = await undici();
      const r = await fetch(url, {
        method: o.method,
        headers,
        body: o.body,
        dispatcher,
        duplex: "half",
        signal: this.ctx.signal
      });
      this.opts.onRequest?.({ registry, method: o.method, path: new URL(url).pathname + new URL(url).search, status: r.status, attempt: 0, durationMs: Date.now() - started });
      return { status: r.status, headers: r.headers, url: r.url || url, body: r.body };
    } catch (e) {
      this.opts.onRequest?.({ registry, method: o.method, path: new URL(url).pathname, status: 0, attempt: 0, durationMs: Date.now() - started });
      throw this.error(h, "registry.unreachable", `${o.method} failed: ${e.message}`, o.operation, creds, e);
    } finally {
      this.sem.release();
    }
  }
  /** @internal An authenticated request to a registry; repeats once after a 401 with a fresh challenge. */
  async request(registry, o) {
    const h = this.host(registry);
    await h.probed;
    const creds = await this.credentials(h);
    const dispatcher = await h.dispatcher;
    const url = /^https?:\/\//.test(o.path) ? o.path : `${h.baseUrl}${o.path}`;
    const scope = mergeScopes(o.repository && o.actions ? repositoryScope(o.repository, o.actions) : void 0, ...o.extraScopes ?? []) || void 0;
    let releaseFirst;
    if (!h.challenge && !h.contacted) {
      if (h.firstContact) await h.firstContact.catch(() => void 0);
      else h.firstContact = new Promise((r) => {
        releaseFirst = r;
      });
    }
    try {
      return await this.authorizedExchange(h, o, url, scope, creds, dispatcher, () => {
        h.contacted = true;
        releaseFirst?.();
      });
    } finally {
      releaseFirst?.();
    }
  }
  async authorizedExchange(h, o, url, scope, creds, dispatcher, onFirstResponse) {
    let roundScope = scope;
    for (let round = 0; ; round++) {
      const headers = { ...o.headers };
      const auth = await this.authorization(h, roundScope, creds, o.operation);
      if (auth) headers.authorization = auth;
      const res = await this.send(h, o.method, url, headers, o.body, dispatcher, o.operation);
      const ch = res.status === 401 ? parseChallenge(res.headers.get("www-authenticate")) : void 0;
      if (ch) h.challenge = { ...ch, scope: void 0 };
      if (round === 0) onFirstResponse();
      if (res.status !== 401) return res;
      if (round > 0) throw this.error(h, "registry.unauthorized", `authentication failed (HTTP 401${errorText(res)})`, o.operation, creds);
      if (!ch) throw this.error(h, "registry.unauthorized", `HTTP 401 without a usable WWW-Authenticate challenge`, o.operation, creds);
      if (ch.scheme === "basic") {
        if (creds.username === void 0 || creds.password === void 0) {
          throw this.error(h, "registry.unauthorized", "the registry requires a login", o.operation, creds);
        }
        if (auth?.startsWith("Basic ")) throw this.error(h, "registry.unauthorized", `authentication failed (HTTP 401${errorText(res)})`, o.operation, creds);
      } else {
        roundScope = mergeScopes(scope, ch.scope) || void 0;
        h.tokens.delete(roundScope ?? "");
      }
    }
  }
  /** @internal */
  error(h, code, what, operation, creds, cause) {
    const registry = typeof h === "string" ? h : h.registry;
    const credText = creds ? `; credentials: ${creds.source}` : "";
    const hints = {
      "registry.unauthorized": `log in to ${registry} (docker login / buildah login), set DOCKER_CONFIG, or pass credentials through the CI variables`,
      "registry.forbidden": `the credentials for ${registry} lack the permission for this operation (push/delete)`,
      "registry.unreachable": `check the address and network; use --insecure-registry for a plain-HTTP registry or --skip-tls-verify-registry for a self-signed certificate`
    };
    return new WerfActionError(`registry ${registry}: ${operation}: ${this.ctx.log.redact(what)}${credText}`, {
      code,
      location: { subject: registry },
      hint: hints[code],
      cause
    });
  }
  /** @internal Turn a non-2xx response into a WerfActionError. */
  async failure(registry, res, operation) {
    const h = this.host(registry);
    const creds = await this.credentials(h);
    if (res.status === 403) return this.error(h, "registry.forbidden", `denied (HTTP 403${errorText(res)})`, operation, creds);
    if (res.status === 401) return this.error(h, "registry.unauthorized", `authentication failed (HTTP 401${errorText(res)})`, operation, creds);
    return this.error(h, "registry.http-error", `HTTP ${res.status}${errorText(res)}`, operation, creds);
  }
};
function isPermanentNetworkError(e) {
  const c = e?.cause?.code ?? "";
  return /^(ERR_SSL_|ERR_TLS_|CERT_|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_(VERIFY|GET)|ERR_INVALID_URL)/.test(c) || c === "HOSTNAME_MISMATCH" || c === "ERR_TLS_CERT_ALTNAME_INVALID";
}
function errorText(res) {
  try {
    const b = JSON.parse(res.body.toString("utf8"));
    const e = b.errors?.[0];
    if (e) return `: ${e.code ?? ""}${e.message ? ` ${e.message}` : ""}`.trimEnd();
  } catch {
  }
  return "";
}
function errorCode(res) {
  try {
    return JSON.parse(res.body.toString("utf8")).errors?.[0]?.code;
  } catch {
    return void 0;
  }
}
function nextLink(link, base) {
  if (!link) return void 0;
  for (const part of link.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return new URL(m[1], base).toString();
  }
  return void 0;
}
var Repository = class {
  constructor(client, registry, name2) {
    this.client = client;
    this.registry = registry;
    this.name = name2;
  }
  client;
  registry;
  name;
  /** Blobs seen present in this repository during this run (skips repeated HEADs). */
  knownBlobs = /* @__PURE__ */ new Set();
  /** `registry/name` as written in image references. */
  get fullName() {
    return `${this.registry}/${this.name}`;
  }
  req(o) {
    return this.client.request(this.registry, { ...o, repository: this.name });
  }
  /** Every tag, following Link pagination; [] when the repository does not exist yet. */
  async listTags(pageSize = 1e3) {
    const tags = [];
    let path = `/v2/${this.name}/tags/list?n=${pageSize}`;
    const operation = `list tags of ${this.fullName}`;
    while (path) {
      const res = await this.req({ method: "GET", path, actions: ["pull"], operation });
      if (res.status === 404) return tags;
      if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
      const body = JSON.parse(res.body.toString("utf8"));
      tags.push(...body.tags ?? []);
      path = nextLink(res.headers.get("link"), res.url);
    }
    return tags;
  }
  /** Digest, media type and size of a manifest; undefined when absent. */
  async headManifest(reference) {
    const operation = `check manifest ${this.fullName}:${reference}`;
    const res = await this.req({ method: "HEAD", path: `/v2/${this.name}/manifests/${reference}`, actions: ["pull"], headers: { accept: MANIFEST_ACCEPT }, operation });
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    const digest = res.headers.get("docker-content-digest");
    if (!digest) {
      const full = await this.getManifest(reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    return { digest, mediaType: res.headers.get("content-type") ?? "", size: Number(res.headers.get("content-length") ?? 0) };
  }
  async getManifest(reference) {
    const operation = `get manifest ${this.fullName}:${reference}`;
    const res = await this.req({ method: "GET", path: `/v2/${this.name}/manifests/${reference}`, actions: ["pull"], headers: { accept: MANIFEST_ACCEPT }, operation });
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    const digest = sha2562(res.body);
    if (reference.startsWith("sha256:") && reference !== digest) {
      throw this.client.error(this.registry, "registry.digest-mismatch", `the manifest's content has digest ${digest}`, operation);
    }
    const manifest = JSON.parse(res.body.toString("utf8"));
    const mediaType = manifest.mediaType ?? res.headers.get("content-type") ?? "";
    return { manifest, raw: res.body, digest, mediaType, size: res.body.length };
  }
  /** PUT a manifest under a tag or digest; returns its digest. */
  async putManifest(reference, raw, mediaType) {
    const operation = `push manifest ${this.fullName}:${reference}`;
    const body = typeof raw === "string" ? Buffer.from(raw) : raw;
    const res = await this.req({ method: "PUT", path: `/v2/${this.name}/manifests/${reference}`, actions: ["pull", "push"], headers: { "content-type": mediaType }, body, operation });
    if (res.status !== 201 && res.status !== 200 && res.status !== 202) throw await this.client.failure(this.registry, res, operation);
    return res.headers.get("docker-content-digest") ?? sha2562(body);
  }
  /** Point `tag` at the manifest `source` (tag or digest) of this repository. */
  async tag(source, tag2) {
    const m = await this.getManifest(source);
    if (!m) throw this.client.error(this.registry, "registry.manifest-unknown", `manifest ${source} does not exist`, `tag ${this.fullName}:${source} as ${tag2}`);
    return this.putManifest(tag2, m.raw, m.mediaType);
  }
  async blobExists(digest) {
    if (this.knownBlobs.has(digest)) return true;
    const operation = `check blob ${this.fullName}@${digest}`;
    const res = await this.req({ method: "HEAD", path: `/v2/${this.name}/blobs/${digest}`, actions: ["pull"], operation });
    if (res.status === 404) return false;
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    this.knownBlobs.add(digest);
    return true;
  }
  async getBlob(digest) {
    const operation = `get blob ${this.fullName}@${digest}`;
    const res = await this.req({ method: "GET", path: `/v2/${this.name}/blobs/${digest}`, actions: ["pull"], operation });
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    const got = sha2562(res.body);
    if (digest.startsWith("sha256:") && got !== digest) {
      throw this.client.error(this.registry, "registry.digest-mismatch", `blob content has digest ${got}`, operation);
    }
    return res.body;
  }
  /**
   * Upload a small blob in one request (POST then PUT ?digest=); skipped when
   * it exists. `unique: true` skips the existence check for content that
   * cannot be there yet (a fresh record config).
   */
  async uploadBlob(data, mediaType = "application/octet-stream", opts = {}) {
    const body = typeof data === "string" ? Buffer.from(data) : data;
    const digest = sha2562(body);
    const desc = { mediaType, digest, size: body.length };
    if (!opts.unique && await this.blobExists(digest)) return desc;
    const done = () => {
      this.knownBlobs.add(digest);
      return desc;
    };
    const operation = `upload blob ${this.fullName}@${digest}`;
    for (let session = 0; ; session++) {
      const start = await this.req({ method: "POST", path: `/v2/${this.name}/blobs/uploads/`, actions: ["pull", "push"], operation });
      if (start.status === 201) return done();
      if (start.status !== 202) throw await this.client.failure(this.registry, start, operation);
      const location = start.headers.get("location");
      if (!location) throw this.client.error(this.registry, "registry.protocol", "upload started without a Location", operation);
      const url = new URL(location, start.url);
      url.searchParams.set("digest", digest);
      const put = await this.req({ method: "PUT", path: url.toString(), actions: ["pull", "push"], headers: { "content-type": "application/octet-stream" }, body, operation });
      if (put.status === 201 || put.status === 204) return done();
      if (session < 2 && (put.status === 404 || put.status >= 500)) continue;
      throw await this.client.failure(this.registry, put, operation);
    }
  }
  /** The image config of `reference`; for an index, of the platform given (default linux/amd64, else the first). */
  async getImageConfig(reference, platform) {
    const m = await this.getManifest(reference);
    if (!m) return void 0;
    let manifest = m.manifest;
    if (isIndex(manifest)) {
      const want = { os: "linux", architecture: "amd64", ...platform };
      const pick2 = manifest.manifests.find((d) => d.platform?.os === want.os && d.platform?.architecture === want.architecture && (!want.variant || d.platform?.variant === want.variant)) ?? manifest.manifests[0];
      if (!pick2) return void 0;
      const sub = await this.getManifest(pick2.digest);
      if (!sub || isIndex(sub.manifest)) return void 0;
      manifest = sub.manifest;
    }
    const blob = await this.getBlob(manifest.config.digest);
    return JSON.parse(blob.toString("utf8"));
  }
  /** Labels of the image (`config.Labels`), {} when it has none. */
  async getLabels(reference) {
    const cfg = await this.getImageConfig(reference);
    if (!cfg) return void 0;
    return { ...cfg.config?.Labels ?? {} };
  }
  /**
   * DELETE /v2/<name>/manifests/<reference> (a digest deletes every tag on
   * it; a tag is accepted by registries with OCI tag deletion). 404 is 'not-found'.
   */
  async deleteManifest(reference) {
    const operation = `delete ${this.fullName}${reference.includes(":") ? "@" : ":"}${reference}`;
    const res = await this.req({ method: "DELETE", path: `/v2/${this.name}/manifests/${reference}`, actions: ["pull", "push", "delete"], operation });
    if (res.status === 202 || res.status === 200 || res.status === 204) return "deleted";
    if (res.status === 404) return "not-found";
    if (res.status === 405 || errorCode(res) === "UNSUPPORTED") {
      throw this.client.error(this.registry, "registry.delete-unsupported", `the registry does not allow this delete (HTTP ${res.status}${errorText(res)})`, operation);
    }
    throw await this.client.failure(this.registry, res, operation);
  }
  /** @internal Raw request for registry-specific deleters (GitLab tag endpoint) and copies. */
  raw(o) {
    return this.req(o);
  }
  /** @internal Streamed request (see RegistryClient.streamRequest). */
  stream(o) {
    return this.client.streamRequest(this.registry, { ...o, repository: this.name });
  }
  /**
   * Copy a blob of any size from `src` without holding it in memory: GET as a
   * stream piped into a monolithic upload. Retried from scratch up to 3 times.
   */
  async uploadBlobFrom(src, digest, size) {
    const operation = `copy blob ${digest} from ${src.fullName} to ${this.fullName}`;
    if (!await src.blobExists(digest)) throw this.client.error(src.registry, "registry.blob-unknown", `blob ${digest} does not exist`, operation);
    let lastStatus = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = await this.req({ method: "POST", path: `/v2/${this.name}/blobs/uploads/`, actions: ["pull", "push"], operation });
      if (start.status !== 202) throw await this.client.failure(this.registry, start, operation);
      const url = new URL(start.headers.get("location") ?? "", start.url);
      url.searchParams.set("digest", digest);
      const get = await src.stream({ method: "GET", path: `/v2/${src.name}/blobs/${digest}`, actions: ["pull"], operation });
      if (get.status !== 200 || !get.body) {
        await get.body?.cancel();
        lastStatus = get.status;
        continue;
      }
      try {
        const put = await this.stream({
          method: "PUT",
          path: url.toString(),
          actions: ["pull", "push"],
          operation,
          headers: { "content-type": "application/octet-stream" },
          body: get.body,
          contentLength: size
        });
        await put.body?.cancel();
        if (put.status === 201 || put.status === 204) {
          this.knownBlobs.add(digest);
          return;
        }
        lastStatus = put.status;
      } catch (e) {
        if (attempt === 2) throw e;
      }
    }
    throw this.client.error(this.registry, "registry.http-error", `streamed copy failed (last HTTP ${lastStatus})`, operation);
  }
};

// packages/core/src/registry/api-deleters.ts
async function apiRequest(ctx, method, url, headers, body, retries = 4) {
  for (let attempt = 0; ; attempt++) {
    let res;
    let delay = 500 * 2 ** attempt;
    try {
      const { fetch } = await undici();
      const r = await fetch(url, { method, headers, body, signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(6e4)]) });
      res = { status: r.status, body: await r.text() };
      const ra = parseRetryAfter(r.headers.get("retry-after"), ctx.now());
      if (ra !== void 0) delay = Math.min(ra, 12e4);
    } catch (e) {
      if (ctx.signal.aborted || attempt >= retries) {
        throw new WerfActionError(`${method} ${new URL(url).origin}${new URL(url).pathname}: ${e.message}`, {
          code: "registry.unreachable",
          location: { subject: new URL(url).host },
          cause: e
        });
      }
    }
    if (res && !(res.status === 429 || res.status >= 500 || res.status === 403 && /rate limit/i.test(res.body))) return res;
    if (res && attempt >= retries) return res;
    ctx.log.debug(`${method} ${url}: ${res ? `HTTP ${res.status}` : "network error"}, retrying in ${delay}ms`);
    await new Promise((resolve8, reject) => {
      const onAbort = () => {
        clearTimeout(t);
        reject(ctx.signal.reason);
      };
      const t = setTimeout(() => {
        ctx.signal.removeEventListener("abort", onAbort);
        resolve8();
      }, delay);
      ctx.signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
function apiError(api, what, res, subject, hint) {
  let detail = "";
  try {
    detail = JSON.parse(res.body).message ?? "";
  } catch {
    detail = res.body.slice(0, 200);
  }
  return new WerfActionError(`${api}: ${what}: HTTP ${res.status}${detail ? ` ${detail}` : ""}`, {
    code: res.status === 401 ? "registry.unauthorized" : res.status === 403 ? "registry.forbidden" : "registry.http-error",
    location: { subject },
    hint
  });
}
var GitHubPackagesDeleter = class {
  constructor(ctx, opts) {
    this.ctx = ctx;
    this.opts = opts;
    if (!opts.token) {
      throw new WerfActionError("deleting from ghcr.io needs a GitHub token", {
        code: "registry.unauthorized",
        location: { subject: "ghcr.io" },
        hint: "set --repo-github-token / WERF_REPO_GITHUB_TOKEN (GITHUB_TOKEN with packages: write, or a PAT with delete:packages)"
      });
    }
    ctx.log.mask(opts.token);
    this.api = (opts.apiUrl ?? "https://api.github.com").replace(/\/$/, "");
  }
  ctx;
  opts;
  kind = "github";
  api;
  ownerBase = /* @__PURE__ */ new Map();
  versions = /* @__PURE__ */ new Map();
  headers() {
    return { accept: "application/vnd.github+json", authorization: `Bearer ${this.opts.token}`, "x-github-api-version": "2022-11-28", "user-agent": "werf-action" };
  }
  /** `orgs/<owner>` or `user` (the token's own packages), as werf decides by the owner's type. */
  base(owner) {
    let p = this.ownerBase.get(owner);
    if (!p) {
      p = (async () => {
        const res = await apiRequest(this.ctx, "GET", `${this.api}/users/${encodeURIComponent(owner)}`, this.headers());
        if (res.status !== 200) throw apiError("GitHub API", `get owner ${owner}`, res, `ghcr.io/${owner}`, "check the token and the repository owner");
        const type = JSON.parse(res.body).type;
        return type === "Organization" ? `orgs/${encodeURIComponent(owner)}` : "user";
      })();
      this.ownerBase.set(owner, p);
      p.catch(() => this.ownerBase.delete(owner));
    }
    return p;
  }
  versionsOf(base, pkg) {
    const key = `${base}/${pkg}`;
    let p = this.versions.get(key);
    if (!p) {
      p = (async () => {
        const byTag = /* @__PURE__ */ new Map();
        for (let page = 1; ; page++) {
          const url = `${this.api}/${base}/packages/container/${encodeURIComponent(pkg)}/versions?page=${page}&per_page=100`;
          const res = await apiRequest(this.ctx, "GET", url, this.headers());
          if (res.status === 404) return byTag;
          if (res.status !== 200) throw apiError("GitHub API", `list versions of package ${pkg}`, res, `ghcr.io ${pkg}`, "the token needs read:packages");
          const list2 = JSON.parse(res.body);
          if (list2.length === 0) return byTag;
          for (const v of list2) {
            const tags = v.metadata?.container?.tags ?? [];
            for (const t of tags) byTag.set(t, { id: v.id, tags });
          }
        }
      })();
      this.versions.set(key, p);
      p.catch(() => this.versions.delete(key));
    }
    return p;
  }
  async deleteTag(repo, req) {
    const slash = repo.name.indexOf("/");
    if (slash < 0) {
      throw new WerfActionError(`ghcr.io repository ${repo.fullName} has no package part`, {
        code: "registry.invalid-reference",
        location: { subject: repo.fullName },
        hint: "use ghcr.io/OWNER/PACKAGE"
      });
    }
    const owner = repo.name.slice(0, slash);
    const pkg = repo.name.slice(slash + 1);
    const base = await this.base(owner);
    const versions = await this.versionsOf(base, pkg);
    const v = versions.get(req.tag);
    if (!v) return "not-found";
    const url = `${this.api}/${base}/packages/container/${encodeURIComponent(pkg)}/versions/${v.id}`;
    const res = await apiRequest(this.ctx, "DELETE", url, this.headers());
    for (const t of v.tags) versions.delete(t);
    if (res.status === 204 || res.status === 200 || res.status === 202) return "deleted";
    if (res.status === 404) return "not-found";
    throw apiError("GitHub API", `delete ${repo.fullName}:${req.tag} (package version ${v.id})`, res, repo.fullName, "the token needs delete:packages and admin rights on the package");
  }
};
var DockerHubDeleter = class {
  constructor(ctx, opts) {
    this.ctx = ctx;
    this.opts = opts;
    if (!opts.token && !(opts.username && opts.password)) {
      throw new WerfActionError("deleting from Docker Hub needs a Hub token or username and password", {
        code: "registry.unauthorized",
        location: { subject: "docker.io" },
        hint: "set --repo-docker-hub-token, or --repo-docker-hub-username and --repo-docker-hub-password"
      });
    }
    for (const s of [opts.token, opts.password]) if (s) ctx.log.mask(s);
    this.api = (opts.apiUrl ?? "https://hub.docker.com").replace(/\/$/, "");
  }
  ctx;
  opts;
  kind = "dockerhub";
  api;
  jwt;
  token() {
    if (this.opts.token) return Promise.resolve(this.opts.token);
    if (!this.jwt) {
      this.jwt = (async () => {
        const res = await apiRequest(
          this.ctx,
          "POST",
          `${this.api}/v2/users/login/`,
          { "content-type": "application/json" },
          JSON.stringify({ username: this.opts.username, password: this.opts.password })
        );
        if (res.status !== 200) throw apiError("Docker Hub API", `login as ${this.opts.username}`, res, "hub.docker.com", "check the Docker Hub username and password");
        const token = JSON.parse(res.body).token;
        if (!token) throw apiError("Docker Hub API", "login returned no token", res, "hub.docker.com", "check the Docker Hub account");
        this.ctx.log.mask(token);
        return token;
      })();
      this.jwt.catch(() => {
        this.jwt = void 0;
      });
    }
    return this.jwt;
  }
  async deleteTag(repo, req) {
    const url = `${this.api}/v2/repositories/${repo.name}/tags/${encodeURIComponent(req.tag)}/`;
    const res = await apiRequest(this.ctx, "DELETE", url, { authorization: `JWT ${await this.token()}` });
    if (res.status === 204 || res.status === 200 || res.status === 202) return "deleted";
    if (res.status === 404) return "not-found";
    throw apiError("Docker Hub API", `delete ${repo.fullName}:${req.tag}`, res, repo.fullName, "the account needs write access to the repository; personal access tokens cannot delete");
  }
};

// packages/core/src/registry/deleter.ts
function detectRegistryKind(registry) {
  const host = registry.replace(/:\d+$/, "");
  if (host === "docker.io" || host === "index.docker.io" || host === "registry.hub.docker.com" || host === "registry-1.docker.io") return "dockerhub";
  if (host === "ghcr.io" || host === "docker.pkg.github.com") return "github";
  if (host === "gitlab.com" || host === "registry.gitlab.com") return "gitlab";
  if (/^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host)) return "ecr";
  if (host.endsWith(".azurecr.io")) return "acr";
  if (host === "gcr.io" || host.endsWith(".gcr.io") || host === "container.cloud.google.com") return "gcr";
  if (host.startsWith("harbor.") || host === "demo.goharbor.io") return "harbor";
  if (host === "quay.io" || /^quay\..*\.com$/.test(host)) return "quay";
  return "default";
}
var DefaultDeleter = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  kind = "default";
  async deleteTag(repo, req) {
    let digest = req.digest;
    if (!digest) {
      const info = await repo.headManifest(req.tag);
      if (!info) return "not-found";
      digest = info.digest;
    }
    let tagOutcome;
    try {
      tagOutcome = await repo.deleteManifest(req.tag);
    } catch (e) {
      this.ctx.log.debug(`delete by tag ${repo.fullName}:${req.tag} refused, deleting by digest: ${e.message}`);
    }
    const byDigest = await repo.deleteManifest(digest);
    return byDigest === "deleted" || tagOutcome === "deleted" ? "deleted" : "not-found";
  }
};
var GitLabDeleter = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.fallback = new DefaultDeleter(ctx);
  }
  ctx;
  kind = "gitlab";
  fallback;
  async deleteTag(repo, req) {
    const res = await repo.raw({
      method: "DELETE",
      path: `/v2/${repo.name}/tags/reference/${req.tag}`,
      actions: ["pull", "push", "delete"],
      operation: `delete tag ${repo.fullName}:${req.tag}`
    });
    if (res.status === 202 || res.status === 200 || res.status === 204) return "deleted";
    if (res.status === 404) {
      let code;
      try {
        code = JSON.parse(res.body.toString("utf8")).errors?.[0]?.code;
      } catch {
      }
      if (code === "MANIFEST_UNKNOWN" || code === "NAME_UNKNOWN" || code === "TAG_UNKNOWN") return "not-found";
    }
    this.ctx.log.debug(`GitLab tag delete endpoint answered ${res.status} for ${repo.fullName}:${req.tag}; using manifest delete`);
    return this.fallback.deleteTag(repo, req);
  }
};
function createDeleter(ctx, kind, opts = {}) {
  switch (kind) {
    case "default":
    case "harbor":
    case "quay":
    case "gcr":
      return new DefaultDeleter(ctx);
    case "gitlab":
      return new GitLabDeleter(ctx);
    case "github":
      return new GitHubPackagesDeleter(ctx, { token: opts.githubToken ?? "", apiUrl: opts.githubApiUrl });
    case "dockerhub":
      return new DockerHubDeleter(ctx, { token: opts.dockerHubToken, username: opts.dockerHubUsername, password: opts.dockerHubPassword, apiUrl: opts.dockerHubApiUrl });
    default:
      throw new WerfActionError(`deleting images from a "${kind}" registry is not implemented in werf-action yet`, {
        code: "registry.delete-unsupported",
        location: { subject: kind },
        hint: kind === "ecr" ? "ECR deletes need the AWS API (BatchDeleteImage); use --repo-container-registry=default if your ECR accepts manifest DELETE" : `use --repo-container-registry=default if the registry supports the distribution DELETE API`
      });
  }
}

// packages/core/src/registry/copy.ts
var STREAM_THRESHOLD = 16 * 1024 * 1024;

// packages/core/src/storage/manifest-only.ts
import { createHash as createHash6 } from "node:crypto";
import { gzipSync } from "node:zlib";
var sha2563 = (b) => `sha256:${createHash6("sha256").update(b).digest("hex")}`;
var EMPTY_TAR = Buffer.alloc(1024);
var EMPTY_TAR_GZIP = gzipSync(EMPTY_TAR, { level: 9 });
var EMPTY_TAR_DIFF_ID = sha2563(EMPTY_TAR);
function goTime(ms, subMsNanos = Number(process.hrtime.bigint() % 1000000n)) {
  const base = new Date(Math.floor(ms)).toISOString();
  const frac = `${base.slice(20, 23)}${String(subMsNanos).padStart(6, "0")}`.replace(/0+$/, "");
  return `${base.slice(0, 19)}${frac ? `.${frac}` : ""}Z`;
}
function buildManifestOnlyImage(labels, createdAtMs, subMsNanos) {
  const created = goTime(createdAtMs, subMsNanos);
  const cfg = {
    architecture: "",
    created,
    history: [{ created: "0001-01-01T00:00:00Z" }],
    os: "",
    rootfs: { type: "layers", diff_ids: [EMPTY_TAR_DIFF_ID] },
    config: { Labels: labels }
  };
  const config = Buffer.from(JSON.stringify(cfg));
  const configDescriptor = { mediaType: MediaType.DockerConfig, size: config.length, digest: sha2563(config) };
  const layer = EMPTY_TAR_GZIP;
  const layerDescriptor = { mediaType: MediaType.DockerLayerTarGzip, size: layer.length, digest: sha2563(layer) };
  const m = { schemaVersion: 2, mediaType: MediaType.DockerManifest, config: configDescriptor, layers: [layerDescriptor] };
  const manifest = Buffer.from(JSON.stringify(m));
  return { config, configDescriptor, layer, layerDescriptor, manifest, mediaType: MediaType.DockerManifest, digest: sha2563(manifest) };
}

// packages/core/src/storage/records.ts
var Label = {
  Werf: "werf",
  WerfVersion: "werf-version",
  StageContentDigest: "werf-stage-content-digest",
  ProjectRepoCommit: "werf-project-repo-commit",
  ParentStageId: "werf.io/parent-stage-id",
  BaseImageId: "werf.io/base-image-id",
  ImportChecksumPrefix: "werf-import-checksum-",
  ImportSourceStageIdPrefix: "werf-import-source-stage-id-",
  DependencyStageIdPrefix: "werf-dependency-stage-id-",
  CustomTagStageId: "stage-id",
  CustomTagTag: "tag",
  ImportMetadataChecksum: "checksum",
  ImportMetadataSourceStageId: "source-stage-id",
  ImportMetadataImportSourceId: "import-source-id",
  LastCleanupTimestamp: "lastcleanuptimestamp"
};
var MANAGED_IMAGE_PREFIX = "managed-image-";
var META_PREFIX = "meta-";
var CUSTOM_TAG_META_PREFIX = "custom-tag-meta-";
var IMPORT_METADATA_PREFIX = "import-metadata-";
var CLIENT_ID_PREFIX = "client-id-";
var REJECTED_SUFFIX = "-rejected";
var CLEANUP_RECORD_TAG = "cleanup";
var NAMELESS_IMAGE_RECORD = "__nameless__";
var DOCKER_TAG_MAX = 128;
var DOCKER_TAG_RE = /^[\w][\w.-]{0,127}$/;
var STAGE_RE = /^([0-9a-f]{56})-(\d{13})$/;
var INDEX_RE = /^[0-9a-f]{56}$/;
function classifyTag(tag2) {
  let m = STAGE_RE.exec(tag2);
  if (m) return { kind: "stage", tag: tag2, digest: m[1], createdAt: Number(m[2]) };
  if (INDEX_RE.test(tag2)) return { kind: "index", tag: tag2, digest: tag2 };
  if (tag2.endsWith(REJECTED_SUFFIX)) {
    const stageTag = tag2.slice(0, -REJECTED_SUFFIX.length);
    m = STAGE_RE.exec(stageTag);
    if (m) return { kind: "rejected", tag: tag2, stageTag, digest: m[1], createdAt: Number(m[2]) };
  }
  if (tag2.startsWith(META_PREFIX)) {
    const parts = tag2.slice(META_PREFIX.length).split("_");
    if (parts.length === 3) return { kind: "meta", tag: tag2, imageMetadataId: parts[0], commit: parts[1], stageId: parts[2] };
  }
  if (tag2.startsWith(MANAGED_IMAGE_PREFIX)) return { kind: "managed-image", tag: tag2, imageName: unslugImageName(tag2.slice(MANAGED_IMAGE_PREFIX.length)) };
  if (tag2.startsWith(CUSTOM_TAG_META_PREFIX)) return { kind: "custom-tag-meta", tag: tag2, id: tag2.slice(CUSTOM_TAG_META_PREFIX.length) };
  if (tag2.startsWith(IMPORT_METADATA_PREFIX)) return { kind: "import-metadata", tag: tag2, id: tag2.slice(IMPORT_METADATA_PREFIX.length) };
  if (tag2.startsWith(CLIENT_ID_PREFIX)) {
    const rest = tag2.slice(CLIENT_ID_PREFIX.length);
    const i = rest.lastIndexOf("-");
    const ts = Number(rest.slice(i + 1));
    if (i > 0 && Number.isInteger(ts)) return { kind: "client-id", tag: tag2, clientId: rest.slice(0, i), createdAt: ts };
  }
  if (tag2 === CLEANUP_RECORD_TAG) return { kind: "cleanup", tag: tag2 };
  return { kind: "other", tag: tag2 };
}
function slugImageName(name2) {
  if (name2 === "") return NAMELESS_IMAGE_RECORD;
  return name2.replaceAll(" ", "__space__").replaceAll("/", "__slash__").replaceAll("+", "__plus__");
}
function unslugImageName(id) {
  const res = id.replaceAll("__space__", " ").replaceAll("__slash__", "/").replaceAll("__plus__", "+");
  return res === NAMELESS_IMAGE_RECORD ? "" : res;
}
function managedImageId(imageName) {
  const s = slugImageName(imageName);
  if (DOCKER_TAG_RE.test(s)) return s;
  return limitedSlug(s, DOCKER_TAG_MAX - MANAGED_IMAGE_PREFIX.length);
}
function managedImageTag(imageName) {
  return `${MANAGED_IMAGE_PREFIX}${managedImageId(imageName)}`;
}
function imageMetadataId(imageName) {
  return legacyMurmurHash(unslugImageName(managedImageId(imageName)));
}
function imageMetadataTag(imageName, commit, stageId) {
  return `${META_PREFIX}${imageMetadataId(imageName)}_${commit}_${stageId}`;
}
function customTagMetaTag(customTag) {
  return `${CUSTOM_TAG_META_PREFIX}${limitedSlug(customTag, 48)}`;
}
function importMetadataTag(importSourceId) {
  return `${IMPORT_METADATA_PREFIX}${importSourceId}`;
}
function rejectedStageTag(stageTag) {
  return `${stageTag}${REJECTED_SUFFIX}`;
}

// packages/core/src/storage/tag-index.ts
var TagIndex = class {
  all = /* @__PURE__ */ new Map();
  /** Epoch ms when the tags were listed. */
  listedAt;
  constructor(tags, listedAt) {
    this.listedAt = listedAt;
    for (const t of tags) this.all.set(t, classifyTag(t));
  }
  get size() {
    return this.all.size;
  }
  tags() {
    return [...this.all.keys()];
  }
  has(tag2) {
    return this.all.has(tag2);
  }
  add(tag2) {
    if (!this.all.has(tag2)) this.all.set(tag2, classifyTag(tag2));
  }
  remove(tag2) {
    this.all.delete(tag2);
  }
  ofKind(kind) {
    const out = [];
    for (const v of this.all.values()) if (v.kind === kind) out.push(v);
    return out;
  }
  isRejected(stageTag) {
    return this.all.has(`${stageTag}-rejected`);
  }
  /**
   * Stages of `digest`, oldest first, without rejected ones
   * (werf GetStagesIDsByDigest). `notOlderThan` drops stages created before it.
   */
  stagesByDigest(digest, opts = {}) {
    const out = [];
    for (const v of this.all.values()) {
      if (v.kind !== "stage" || v.digest !== digest) continue;
      if (this.isRejected(v.tag)) continue;
      if (opts.notOlderThan !== void 0 && v.createdAt < opts.notOlderThan) continue;
      out.push({ tag: v.tag, digest: v.digest, createdAt: v.createdAt });
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || a.tag.localeCompare(b.tag));
  }
  /** Every stage (not rejected), oldest first. */
  stages() {
    return this.ofKind("stage").filter((s) => !this.isRejected(s.tag)).map((s) => ({ tag: s.tag, digest: s.digest, createdAt: s.createdAt })).sort((a, b) => a.createdAt - b.createdAt || a.tag.localeCompare(b.tag));
  }
};

// packages/core/src/storage/stages-storage.ts
var StagesStorage = class {
  constructor(ctx, opts) {
    this.ctx = ctx;
    this.repository = opts.client.repository(opts.repo);
    this.project = opts.project;
    this.kind = opts.kind ?? detectRegistryKind(this.repository.registry);
    this.deleterInstance = opts.deleter;
    this.deleterOptions = opts.deleterOptions ?? {};
  }
  ctx;
  repository;
  project;
  indexPromise;
  deleterInstance;
  kind;
  deleterOptions;
  /** `registry/repository` as it appears in image names. */
  get address() {
    return this.repository.fullName;
  }
  imageName(tag2) {
    return `${this.address}:${tag2}`;
  }
  /** The repository's tags, listed once per storage (or again with `refresh`). */
  index(opts = {}) {
    if (!this.indexPromise || opts.refresh) {
      const p = this.repository.listTags().then((tags) => new TagIndex(tags, this.ctx.now()));
      this.indexPromise = p;
      p.catch(() => {
        if (this.indexPromise === p) this.indexPromise = void 0;
      });
    }
    return this.indexPromise;
  }
  /** Stages of `digest`, oldest first, rejected ones dropped. */
  async stagesByDigest(digest, opts = {}) {
    return (await this.index({ refresh: opts.refresh })).stagesByDigest(digest, opts);
  }
  /**
   * The stage to reuse for `digest`: the oldest candidate that still exists
   * and, when given, passes `accept` (e.g. a git ancestry check on its
   * labels). Undefined when there is none: build it.
   */
  async findStage(digest, opts = {}) {
    for (const ref of await this.stagesByDigest(digest, opts)) {
      const desc = await this.describeStage(ref.tag, { labels: opts.labels });
      if (!desc) {
        this.ctx.log.debug(`stage ${this.imageName(ref.tag)} is listed but its manifest is gone; skipping`);
        continue;
      }
      if (opts.accept && !await opts.accept(desc)) continue;
      return desc;
    }
    return void 0;
  }
  /**
   * Manifest digest, image id, size and labels of a stage tag; undefined when
   * it does not exist. With `labels: false` only the manifest is read (labels {}).
   */
  async describeStage(tag2, opts = {}) {
    const m = await this.repository.getManifest(tag2);
    if (!m) return void 0;
    const dash = tag2.indexOf("-");
    const digest = dash < 0 ? tag2 : tag2.slice(0, dash);
    const createdAt = dash < 0 ? 0 : Number(tag2.slice(dash + 1));
    let imageId;
    let size;
    let configDigest;
    if (isIndex(m.manifest)) {
      imageId = m.digest;
      const subs = await Promise.all(m.manifest.manifests.map((d) => this.repository.getManifest(d.digest)));
      size = 0;
      configDigest = "";
      for (const s of subs) {
        if (!s || isIndex(s.manifest)) continue;
        size += s.manifest.config.size + s.manifest.layers.reduce((a, l) => a + l.size, 0);
        if (!configDigest) configDigest = s.manifest.config.digest;
      }
    } else {
      configDigest = m.manifest.config.digest;
      imageId = configDigest;
      size = m.manifest.config.size + m.manifest.layers.reduce((a, l) => a + l.size, 0);
    }
    let labels = {};
    if (configDigest && opts.labels !== false) {
      const cfg = JSON.parse((await this.repository.getBlob(configDigest)).toString("utf8"));
      labels = { ...cfg.config?.Labels ?? {} };
    }
    return {
      tag: tag2,
      digest,
      createdAt,
      name: this.imageName(tag2),
      repo: this.address,
      manifestDigest: m.digest,
      mediaType: m.mediaType,
      imageId,
      size,
      labels,
      contentDigest: labels[Label.StageContentDigest],
      parentStageId: labels[Label.ParentStageId],
      commit: labels[Label.ProjectRepoCommit]
    };
  }
  /**
   * After pushing `ourTag` for `digest`, settle a race with builders on other
   * hosts (the host-local lock does not reach them): re-list, and when an
   * older valid stage of the digest exists, it wins. Our tag is then deleted
   * if it is a different manifest; if it is the very same manifest (a
   * reproducible build) it stays, since deleting by digest would remove the
   * winner too. Returns the stage everyone will reuse from now on.
   */
  async settleStage(digest, ourTag) {
    const stages = await this.stagesByDigest(digest, { refresh: true });
    const oldest = stages[0];
    if (!oldest || oldest.tag === ourTag) return { winner: ourTag, ours: "won" };
    const [a, b] = await Promise.all([this.repository.headManifest(oldest.tag), this.repository.headManifest(ourTag)]);
    if (!a) return { winner: ourTag, ours: "won" };
    if (b && a.digest === b.digest) return { winner: oldest.tag, ours: "kept-identical" };
    this.ctx.log.info(`stage ${digest} was pushed by another builder first (${oldest.tag}); discarding ${ourTag}`);
    if (b) await this.deleteTag(ourTag, b.digest);
    return { winner: oldest.tag, ours: "deleted" };
  }
  /** Labels of any image in the repository (stage or record); undefined when absent. */
  async labels(tag2) {
    return this.repository.getLabels(tag2);
  }
  /** Push a manifest-only record image under `tag` with `werf=<project>` plus `labels`. */
  async pushRecord(tag2, labels = {}) {
    const img = buildManifestOnlyImage({ ...labels, [Label.Werf]: this.project }, this.ctx.now());
    await this.repository.uploadBlob(img.layer, img.layerDescriptor.mediaType);
    await this.repository.uploadBlob(img.config, img.configDescriptor.mediaType, { unique: true });
    const digest = await this.repository.putManifest(tag2, img.manifest, img.mediaType);
    (await this.indexIfLoaded())?.add(tag2);
    return digest;
  }
  /**
   * `meta-<imageMetaID>_<commit>_<stageID>`: image `imageName` was built from
   * `commit` with final stage `stageId`. A 403 is a warning, as in werf.
   */
  async putImageMetadata(imageName, commit, stageId) {
    const tag2 = imageMetadataTag(imageName, commit, stageId);
    const idx = await this.indexIfLoaded();
    if (idx?.has(tag2)) return tag2;
    try {
      await this.pushRecord(tag2);
      return tag2;
    } catch (e) {
      if (e instanceof WerfActionError && e.code === "registry.forbidden") {
        this.ctx.log.warn(`cannot write image metadata ${this.imageName(tag2)} (${e.message}); git-history-based cleanup will not know this commit`);
        return void 0;
      }
      throw e;
    }
  }
  /** `managed-image-<name>`; returns false when the record already existed. */
  async addManagedImage(imageName) {
    const tag2 = managedImageTag(imageName);
    const idx = await this.index();
    if (idx.has(tag2)) return false;
    await this.pushRecord(tag2);
    return true;
  }
  async managedImages() {
    return (await this.index()).ofKind("managed-image").map((r) => r.imageName).sort();
  }
  async removeManagedImage(imageName) {
    return await this.deleteTag(managedImageTag(imageName)) === "deleted";
  }
  /** Mark a stage as broken: `<stage>-rejected`; every builder ignores it from now on. */
  async rejectStage(stageTag) {
    const tag2 = rejectedStageTag(stageTag);
    await this.pushRecord(tag2);
    return tag2;
  }
  /** Point `customTag` at the stage's manifest and record the link (`custom-tag-meta-*`). */
  async addCustomTag(stageTag, customTag) {
    await this.repository.tag(stageTag, customTag);
    (await this.indexIfLoaded())?.add(customTag);
    const recordTag = customTagMetaTag(customTag);
    await this.pushRecord(recordTag, { [Label.CustomTagStageId]: stageTag, [Label.CustomTagTag]: customTag });
    return { tag: customTag, stageId: stageTag, recordTag };
  }
  /** Every custom tag record with its labels (one config read per record). */
  async customTags() {
    const recs = (await this.index()).ofKind("custom-tag-meta");
    const out = await Promise.all(recs.map(async (r) => {
      const l = await this.labels(r.tag);
      if (!l) return void 0;
      return { tag: l[Label.CustomTagTag] ?? "", stageId: l[Label.CustomTagStageId] ?? "", recordTag: r.tag };
    }));
    return out.filter((x) => x !== void 0);
  }
  async putImportMetadata(m) {
    const tag2 = importMetadataTag(m.importSourceId);
    await this.pushRecord(tag2, {
      [Label.ImportMetadataImportSourceId]: m.importSourceId,
      [Label.ImportMetadataSourceStageId]: m.sourceStageId,
      [Label.ImportMetadataChecksum]: m.checksum
    });
    return tag2;
  }
  async getImportMetadata(importSourceId) {
    const l = await this.labels(importMetadataTag(importSourceId));
    if (!l) return void 0;
    return {
      importSourceId: l[Label.ImportMetadataImportSourceId] ?? importSourceId,
      sourceStageId: l[Label.ImportMetadataSourceStageId] ?? "",
      checksum: l[Label.ImportMetadataChecksum] ?? ""
    };
  }
  /** The `cleanup` record with `lastcleanuptimestamp=<ms>`, written at the end of a cleanup. */
  async putCleanupRecord(timestampMs = this.ctx.now()) {
    await this.pushRecord(CLEANUP_RECORD_TAG, { [Label.LastCleanupTimestamp]: String(timestampMs) });
  }
  async lastCleanupTimestamp() {
    if (!(await this.index()).has(CLEANUP_RECORD_TAG)) return void 0;
    const v = (await this.labels(CLEANUP_RECORD_TAG))?.[Label.LastCleanupTimestamp];
    return v === void 0 ? void 0 : Number(v);
  }
  /** `meta-*` tags grouped per image as `stageID -> commits`. */
  async imageMetadata(imageNames2) {
    const byId = /* @__PURE__ */ new Map();
    for (const n of imageNames2) byId.set(imageMetadataId(n), n);
    const byImage = /* @__PURE__ */ new Map();
    const notManaged = /* @__PURE__ */ new Map();
    for (const r of (await this.index()).ofKind("meta")) {
      const name2 = byId.get(r.imageMetadataId);
      const target = name2 === void 0 ? notManaged : byImage;
      const key = name2 ?? r.imageMetadataId;
      let m = target.get(key);
      if (!m) target.set(key, m = /* @__PURE__ */ new Map());
      const commits = m.get(r.stageId) ?? [];
      commits.push(r.commit);
      m.set(r.stageId, commits);
    }
    return { byImage, notManaged };
  }
  /**
   * Delete one tag with the registry's deleter; the index forgets it. A tag
   * that is listed but whose manifest cannot be read (broken storage) cannot
   * be deleted by digest: as werf does, it is overwritten with a
   * manifest-only image which is then deleted (disable with `brokenFallback: false`).
   */
  async deleteTag(tag2, digest, opts = {}) {
    if (!this.deleterInstance) this.deleterInstance = createDeleter(this.ctx, this.kind, this.deleterOptions);
    const idx = await this.indexIfLoaded();
    const listed = idx?.has(tag2) ?? false;
    let outcome = await this.deleterInstance.deleteTag(this.repository, { tag: tag2, digest });
    if (outcome === "not-found" && listed && opts.brokenFallback !== false) {
      this.ctx.log.debug(`${this.imageName(tag2)} is listed but has no readable manifest; overwriting it to delete it`);
      const dummy = await this.pushRecord(tag2);
      outcome = await this.deleterInstance.deleteTag(this.repository, { tag: tag2, digest: dummy });
    }
    idx?.remove(tag2);
    return outcome;
  }
  /**
   * werf's warnings for a neglected repository: ≥100 tags and cleanup never
   * run or last run more than 14 days ago; more than 80 % of tags are meta-*.
   */
  async health() {
    const idx = await this.index();
    const tags = idx.size;
    const metaTags = idx.ofKind("meta").length;
    const lastCleanup = await this.lastCleanupTimestamp();
    const warnings = [];
    const DAY = 24 * 3600 * 1e3;
    if (tags >= 100) {
      if (lastCleanup === void 0) {
        warnings.push(`${this.address} has ${tags} tags and was never cleaned up: run werf-action cleanup regularly (e.g. nightly)`);
      } else if (this.ctx.now() - lastCleanup > 14 * DAY) {
        const days = Math.floor((this.ctx.now() - lastCleanup) / DAY);
        warnings.push(`${this.address} has ${tags} tags and was last cleaned up ${days} days ago: run werf-action cleanup regularly (e.g. nightly)`);
      }
    }
    if (tags > 0 && metaTags / tags > 0.8) {
      warnings.push(`${Math.round(metaTags / tags * 100)}% of the tags in ${this.address} are meta-* records: run werf-action cleanup to prune metadata of old commits`);
    }
    return { tags, metaTags, lastCleanup, warnings };
  }
  async indexIfLoaded() {
    if (!this.indexPromise) return void 0;
    try {
      return await this.indexPromise;
    } catch {
      return void 0;
    }
  }
};

// packages/core/src/storage/report.ts
var STAGE_KEYS = ["Name", "DockerImageName", "DockerTag", "DockerImageID", "DockerImageDigest", "CreatedAt", "Size", "SourceType", "BaseImagePulled", "Rebuilt", "BuildTime"];
var IMAGE_KEYS = ["WerfImageName", "DockerRepo", "DockerTag", "DockerImageID", "DockerImageDigest", "DockerImageName", "TargetPlatform", "Rebuilt", "Final", "Size", "BuildTime", "Commit", "Stages"];
function ordered(obj, keys) {
  const out = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}
function sortedRecord(r, f) {
  const out = {};
  for (const k of Object.keys(r).sort()) out[k] = f(r[k]);
  return out;
}
function orderImage(img) {
  const o = ordered(img, IMAGE_KEYS);
  o.Stages = img.Stages ? img.Stages.map((s) => ordered(s, STAGE_KEYS)) : null;
  return o;
}
function buildReportJson(report) {
  const doc = {
    Images: sortedRecord(report.Images, orderImage),
    ImagesByPlatform: sortedRecord(report.ImagesByPlatform ?? {}, (p) => sortedRecord(p, orderImage))
  };
  const json = JSON.stringify(doc, null, "	").replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `${json}
`;
}
function imageEnvPrefix(werfImageName) {
  if (werfImageName === "") return "WERF_";
  return `WERF_${werfImageName.toUpperCase().replace(/[/.-]/g, "_")}_`;
}
function buildReportEnv(report) {
  const lines2 = [];
  for (const name2 of Object.keys(report.Images).sort()) {
    const r = report.Images[name2];
    const p = imageEnvPrefix(name2);
    lines2.push(
      `${p}DOCKER_IMAGE_NAME=${r.DockerImageName}`,
      `${p}DOCKER_IMAGE_ID=${r.DockerImageID}`,
      `${p}DOCKER_IMAGE_DIGEST=${r.DockerImageDigest}`,
      `${p}DOCKER_REPO=${r.DockerRepo}`,
      `${p}DOCKER_TAG=${r.DockerTag}`,
      `${p}WERF_IMAGE_NAME=${r.WerfImageName}`,
      `${p}FINAL=${r.Final}`
    );
    if (r.Commit) lines2.push(`${p}COMMIT=${r.Commit}`);
  }
  return lines2.length ? `${lines2.join("\n")}
` : "";
}
function parseBuildReport(text2, file) {
  const fail = (what) => new WerfActionError(`invalid build report: ${what}`, {
    code: "storage.bad-build-report",
    location: { file },
    hint: "write it again with --save-build-report"
  });
  let doc;
  try {
    doc = JSON.parse(text2);
  } catch (e) {
    throw fail(`not JSON (${e.message})`);
  }
  const r = doc;
  if (!r || typeof r !== "object" || !r.Images || typeof r.Images !== "object" || Object.keys(r.Images).length === 0) {
    throw fail("it contains no images");
  }
  const checkImage = (key, img) => {
    for (const f of ["WerfImageName", "DockerImageName", "DockerRepo", "DockerTag", "DockerImageID", "DockerImageDigest"]) {
      if (key !== "" && f === "WerfImageName" && img.WerfImageName === "") throw fail(`image "${key}" has empty WerfImageName`);
      if (f !== "WerfImageName" && !img[f]) throw fail(`image "${key}" has empty ${f}`);
    }
    if (img.Commit !== void 0 && (typeof img.Commit !== "string" || !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(img.Commit))) {
      throw fail(`image "${key}" has an invalid Commit ${JSON.stringify(img.Commit)}`);
    }
    (img.Stages ?? []).forEach((s, i) => {
      if (!s.Name) throw fail(`image "${key}" stage #${i} has empty Name`);
      for (const f of ["DockerImageName", "DockerImageID", "DockerImageDigest"]) {
        if (!s[f]) throw fail(`image "${key}" stage "${s.Name}" has empty ${f}`);
      }
    });
  };
  for (const [k, img] of Object.entries(r.Images)) checkImage(k, img);
  for (const [k, byP] of Object.entries(r.ImagesByPlatform ?? {})) for (const [p, img] of Object.entries(byP)) checkImage(`${k}[${p}]`, img);
  return { Images: r.Images, ImagesByPlatform: r.ImagesByPlatform ?? {} };
}

// packages/core/src/build/buildah.ts
import { setMaxListeners } from "node:events";
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { mkdtemp as mkdtemp2, readFile as readFile4, rm as rm2, writeFile, chmod } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join5 } from "node:path";
var BuildahError = class extends WerfActionError {
};
function defaultStorageDriver(env) {
  if (env.STORAGE_DRIVER) return env.STORAGE_DRIVER;
  try {
    const fs = readFileSync2("/proc/filesystems", "utf8");
    const root = typeof process.getuid === "function" && process.getuid() === 0;
    if (/\boverlay\b/.test(fs) && (root || existsSync("/usr/bin/fuse-overlayfs"))) return "overlay";
  } catch {
  }
  return "vfs";
}
var Buildah = class {
  constructor(ctx, opts = {}) {
    this.ctx = ctx;
    this.opts = opts;
    this.storageDriver = opts.storageDriver ?? defaultStorageDriver(ctx.env);
    this.isolation = opts.isolation ?? ctx.env.BUILDAH_ISOLATION ?? "chroot";
    this.binary = opts.binary ?? "buildah";
    this.tail = opts.tailLines ?? 30;
    setMaxListeners(0, ctx.signal);
  }
  ctx;
  opts;
  storageDriver;
  isolation;
  binary;
  tail;
  /** Global flags (before the subcommand). */
  globalFlags() {
    const f = ["--storage-driver", this.storageDriver];
    if (this.opts.root) f.push("--root", this.opts.root);
    if (this.opts.runroot) f.push("--runroot", this.opts.runroot);
    return f;
  }
  env() {
    return { ...this.ctx.env, BUILDAH_ISOLATION: this.isolation, STORAGE_DRIVER: this.storageDriver };
  }
  /** Runs buildah and returns stdout; failures become BuildahErrors with stderr. */
  async run(args, opts = {}) {
    const r = await execa(this.binary, [...this.globalFlags(), ...args], {
      env: this.env(),
      extendEnv: false,
      reject: false,
      cancelSignal: this.ctx.signal,
      input: opts.input,
      stripFinalNewline: true
    });
    if (r.exitCode !== 0 || r.failed) {
      const err2 = String(r.stderr || r.stdout || r.message).trim();
      throw new BuildahError(`buildah ${args[0]} failed: ${lastLines(err2, 5)}`, {
        code: classify2(err2, args[0] ?? ""),
        location: opts.subject ? { subject: opts.subject } : void 0,
        hint: hintFor(err2)
      });
    }
    return String(r.stdout);
  }
  async version() {
    const out = await this.run(["version", "--json"]);
    try {
      return JSON.parse(out).version;
    } catch {
      return out;
    }
  }
  /** `buildah build`; returns the image ID. Output is streamed into the log under a section. */
  async build(o) {
    const tmp = await mkdtemp2(join5(tmpdir2(), "werf-action-build-"));
    const started = this.ctx.now();
    try {
      const iid = join5(tmp, "iid");
      const args = ["build", "--iidfile", iid, "-f", o.dockerfile, "--format", o.format ?? "docker"];
      args.push(`--layers=${o.layers ? "true" : "false"}`);
      args.push(`--pull=${o.pull === "always" ? "always" : o.pull === "never" ? "never" : "missing"}`);
      args.push("--isolation", this.isolation);
      if (o.target) args.push("--target", o.target);
      if (o.platform) args.push("--platform", o.platform);
      if (o.network) args.push("--network", o.network);
      for (const h of o.addHost ?? []) args.push("--add-host", h);
      for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push("--build-arg", `${k}=${v}`);
      for (const [k, v] of Object.entries(o.labels ?? {})) args.push("--label", `${k}=${v}`);
      for (const t of o.tags ?? []) args.push("--tag", t);
      args.push(...registryFlags(o.registry));
      let n = 0;
      for (const s of o.secrets ?? []) {
        let src = s.src;
        if (src === void 0) {
          const value2 = s.value ?? (s.env !== void 0 ? this.ctx.env[s.env] : void 0);
          if (value2 === void 0) {
            throw new WerfActionError(`build secret "${s.id}": environment variable ${s.env} is not set`, {
              code: "build.secret-missing",
              location: { subject: s.id },
              hint: `export ${s.env} before the build`
            });
          }
          this.ctx.log.mask(value2);
          src = join5(tmp, `secret-${n++}`);
          await writeFile(src, value2, { mode: 384 });
          await chmod(src, 384);
        }
        args.push("--secret", `id=${s.id},src=${src}`);
      }
      args.push(o.contextDir);
      const title = o.title ?? `Building ${o.tags?.[0] ?? o.dockerfile}`;
      const tail = [];
      let step = "";
      await this.ctx.log.section(title, async () => {
        const proc = execa(this.binary, [...this.globalFlags(), ...args], {
          env: this.env(),
          extendEnv: false,
          reject: false,
          cancelSignal: this.ctx.signal,
          all: true,
          buffer: false,
          stdin: "ignore"
        });
        const onLine = (line) => {
          if (/^STEP \d+\/\d+: /.test(line)) step = line.replace(/^STEP \d+\/\d+: /, "");
          tail.push(line);
          if (tail.length > this.tail) tail.shift();
          this.ctx.log.info(line);
        };
        let buf = "";
        proc.all?.on("data", (chunk2) => {
          buf += chunk2.toString("utf8");
          let i;
          while ((i = buf.indexOf("\n")) >= 0) {
            onLine(buf.slice(0, i).replace(/\r$/, ""));
            buf = buf.slice(i + 1);
          }
        });
        const r = await proc;
        if (buf) onLine(buf);
        if (r.exitCode !== 0 || r.failed) {
          if (this.ctx.signal.aborted) {
            throw new WerfActionError("build cancelled", { code: "build.cancelled", location: { subject: title } });
          }
          const failing = step || "(before the first step)";
          const line = o.dockerfileForErrors ? findInstructionLine(o.dockerfileForErrors.text, failing) : void 0;
          throw new BuildahError(`${failing}: failed`, {
            code: "build.failed",
            location: { file: o.dockerfileForErrors?.file, line, subject: o.tags?.[0] },
            hint: `last lines of the build output:
${tail.map((l) => `    ${l}`).join("\n")}`
          });
        }
      });
      const imageId = (await readFile4(iid, "utf8")).trim().replace(/^sha256:/, "");
      return { imageId, elapsedMs: this.ctx.now() - started };
    } finally {
      await rm2(tmp, { recursive: true, force: true });
    }
  }
  /** Pushes a local image to `dest` (`host/repo:tag`); returns the manifest digest in the registry. */
  async push(image, dest, access = {}) {
    const tmp = await mkdtemp2(join5(tmpdir2(), "werf-action-push-"));
    try {
      const df = join5(tmp, "digest");
      for (let attempt = 0; ; attempt++) {
        try {
          await this.run(["push", "--quiet", "--retry", "3", "--digestfile", df, ...registryFlags(access), image, `docker://${dest}`], { subject: dest });
          break;
        } catch (e) {
          if (attempt >= (this.opts.pushRetries ?? 4) || !(e instanceof BuildahError) || !isTransient(e.message)) throw e;
          const delay = Math.min(8e3, 250 * 2 ** attempt);
          this.ctx.log.warn(`push of ${dest} failed (${lastLines(e.message, 1)}); retrying in ${delay} ms`);
          await new Promise((r) => setTimeout(r, delay));
        }
      }
      return (await readFile4(df, "utf8")).trim();
    } finally {
      await rm2(tmp, { recursive: true, force: true });
    }
  }
  async pull(ref, access = {}) {
    return (await this.run(["pull", "--quiet", ...registryFlags(access), `docker://${ref}`], { subject: ref })).trim();
  }
  async tag(image, ...names) {
    await this.run(["tag", image, ...names], { subject: image });
  }
  async rmi(...images) {
    if (images.length) await this.run(["rmi", "--force", ...images]);
  }
  /** Local image metadata, or undefined when it is not in local storage. */
  async inspect(image) {
    let out;
    try {
      out = await this.run(["inspect", "--type", "image", image], { subject: image });
    } catch (e) {
      if (e instanceof BuildahError && e.code === "buildah.not-found") return void 0;
      throw e;
    }
    const j = JSON.parse(out);
    let size = 0;
    try {
      const m = JSON.parse(j.Manifest ?? "{}");
      size = (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + (l.size ?? 0), 0);
    } catch {
    }
    return {
      id: (j.FromImageID ?? "").replace(/^sha256:/, ""),
      digest: j.FromImageDigest ?? "",
      size,
      labels: j.OCIv1?.config?.Labels ?? j.Docker?.config?.Labels ?? {},
      created: j.OCIv1?.created,
      names: j.FromImage ? [j.FromImage] : []
    };
  }
  /** Local images: id and names (`localhost/project:tag`). */
  async images() {
    const out = await this.run(["images", "--json", "--no-trunc"]);
    const list2 = JSON.parse(out || "[]");
    return list2.map((i) => ({ id: (i.id ?? "").replace(/^sha256:/, ""), names: i.names ?? [] }));
  }
  async exists(image) {
    return await this.inspect(image) !== void 0;
  }
};
function registryFlags(a) {
  const f = [];
  if (!a) return f;
  if (a.tlsVerify === false) f.push("--tls-verify=false");
  if (a.certDir) f.push("--cert-dir", a.certDir);
  if (a.authFile) f.push("--authfile", a.authFile);
  return f;
}
function isTransient(msg) {
  return /\b(5\d\d|429)\b|too many requests|connection reset|broken pipe|unexpected EOF|\bEOF\b|timeout|i\/o timeout/i.test(msg);
}
function lastLines(s, n) {
  return s.split("\n").slice(-n).join("\n");
}
function classify2(err2, cmd) {
  if (/image not known|no such image|not found in local storage|unable to find/i.test(err2)) return "buildah.not-found";
  if (/unauthorized|authentication required|denied/i.test(err2)) return "registry.unauthorized";
  if (/connection refused|no such host|dial tcp|i\/o timeout/i.test(err2)) return "registry.unreachable";
  return `buildah.${cmd || "failed"}`;
}
function hintFor(err2) {
  if (/unauthorized|authentication required|denied/i.test(err2)) return "log in to the registry (docker login / werf-action cr login) or check the docker config";
  if (/http: server gave HTTP response to HTTPS client|x509/i.test(err2)) return "for a registry without valid TLS pass --insecure-registry or --skip-tls-verify-registry";
  if (/connection refused|no such host/i.test(err2)) return "check the registry address and that it is reachable from this machine";
  if (/overlay/i.test(err2)) return "set STORAGE_DRIVER=vfs when overlay is not available";
  return void 0;
}
function findInstructionLine(text2, instruction) {
  {
    const want = instruction.replace(/\s+/g, " ").trim().toLowerCase();
    const lines2 = text2.split("\n");
    for (let i = 0; i < lines2.length; i++) {
      let joined = lines2[i];
      let j = i;
      while (/\\\s*$/.test(joined) && j + 1 < lines2.length) joined = joined.replace(/\\\s*$/, " ") + lines2[++j];
      const norm2 = joined.replace(/\s+/g, " ").trim().toLowerCase();
      if (norm2 && (norm2 === want || want.startsWith(norm2) || norm2.startsWith(want.slice(0, 40)))) return i + 1;
    }
  }
  return void 0;
}

// packages/core/src/build/graph.ts
function dependencyLevels(nodes, deps) {
  const known = new Set(nodes);
  const level = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const visit2 = (n, path) => {
    const done = level.get(n);
    if (done !== void 0) return done;
    if (visiting.has(n)) {
      throw new WerfActionError(`images depend on each other in a cycle: ${[...path, n].join(" -> ")}`, {
        code: "build.dependency-cycle",
        location: { subject: n },
        hint: "remove one of the dependencies"
      });
    }
    visiting.add(n);
    let l = 0;
    for (const d of deps(n)) {
      if (!known.has(d)) {
        throw new WerfActionError(`image "${n}" depends on unknown image "${d}"`, {
          code: "build.unknown-dependency",
          location: { subject: n }
        });
      }
      l = Math.max(l, visit2(d, [...path, n]) + 1);
    }
    visiting.delete(n);
    level.set(n, l);
    return l;
  };
  for (const n of nodes) visit2(n, []);
  const out = [];
  for (const n of nodes) {
    const l = level.get(n);
    (out[l] ??= []).push(n);
  }
  return out;
}
async function runLimited(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let firstError;
  let failed = false;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        if (!failed) {
          failed = true;
          firstError = e;
        }
      }
    }
  };
  const n = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  if (failed) throw firstError;
  return results;
}
var Once = class {
  map = /* @__PURE__ */ new Map();
  run(key, fn) {
    let p = this.map.get(key);
    if (!p) {
      p = fn();
      this.map.set(key, p);
    }
    return p;
  }
  get size() {
    return this.map.size;
  }
};
var KeyedMutex = class {
  tails = /* @__PURE__ */ new Map();
  async with(key, fn) {
    const prev = this.tails.get(key) ?? Promise.resolve();
    let release;
    const mine = new Promise((r) => release = r);
    const tail = prev.then(() => mine);
    this.tails.set(key, tail);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
};

// packages/core/src/build/image.ts
import { posix as posix2 } from "node:path";

// packages/core/src/build/dockerfile/parser.ts
var KNOWN = /* @__PURE__ */ new Set([
  "add",
  "arg",
  "cmd",
  "copy",
  "entrypoint",
  "env",
  "expose",
  "from",
  "healthcheck",
  "label",
  "maintainer",
  "onbuild",
  "run",
  "shell",
  "stopsignal",
  "user",
  "volume",
  "workdir"
]);
var HEREDOC_CMDS = /* @__PURE__ */ new Set(["run", "copy", "add"]);
var WS_RE = /[\t\v\f\r ]+/;
var DIRECTIVE_RE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
function syntaxError(file, line, message, hint) {
  return new WerfActionError(message, {
    code: "dockerfile.syntax",
    location: { file, line },
    hint: hint ?? "fix the Dockerfile; see https://docs.docker.com/reference/dockerfile/"
  });
}
function parseDockerfile(text2, file = "Dockerfile") {
  const lines2 = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines2.length > 0 && lines2[lines2.length - 1] === "") lines2.pop();
  let escape = "\\";
  let contRe = /\\[ \t]*$/;
  let directivesDone = false;
  const seenDirectives = /* @__PURE__ */ new Set();
  const warnings = [];
  const nodes = [];
  const isComment = (l) => /^#/.test(l.trimStart());
  const processLine = (raw, stripLeft, lineNo) => {
    const token = stripLeft ? raw.trimStart() : raw;
    if (!directivesDone) {
      const m = DIRECTIVE_RE.exec(token);
      if (!m) directivesDone = true;
      else {
        const k = m[1].toLowerCase();
        if (k !== "escape" && k !== "syntax" && k !== "check") directivesDone = true;
        else {
          if (seenDirectives.has(k)) throw syntaxError(file, lineNo, `only one ${k} parser directive can be used`);
          seenDirectives.add(k);
          if (k === "escape") {
            const v = m[2];
            if (v !== "`" && v !== "\\") throw syntaxError(file, lineNo, `invalid escape token '${v}' does not match \` or \\`);
            escape = v;
            contRe = v === "`" ? /`[ \t]*$/ : /\\[ \t]*$/;
          }
        }
      }
    }
    return token.replace(/^#.*$/, "");
  };
  const trimCont = (l) => contRe.test(l) ? [l.replace(contRe, ""), false] : [l, true];
  let i = 0;
  while (i < lines2.length) {
    const lineNo = i + 1;
    const processed = processLine(lines2[i], true, lineNo);
    i++;
    const startLine = lineNo;
    let [line, end] = trimCont(processed);
    if (end && line === "") continue;
    let emptyCont = false;
    while (!end && i < lines2.length) {
      const raw = lines2[i];
      const p = processLine(raw, false, i + 1);
      i++;
      if (isComment(raw)) continue;
      if (p.trimStart() === "") {
        emptyCont = true;
        continue;
      }
      const [c, e] = trimCont(p);
      line += c;
      end = e;
    }
    if (emptyCont) warnings.push(`${file}:${startLine}: empty continuation line`);
    const node = parseLine(line, file, startLine, i);
    if (HEREDOC_CMDS.has(node.cmd) || node.sub && HEREDOC_CMDS.has(node.sub.cmd)) {
      const target = node.sub ?? node;
      for (const h of findHeredocs(target.args.join(" "))) {
        const body = [];
        let closed = false;
        while (i < lines2.length) {
          const raw = lines2[i];
          i++;
          const cmp = h.chomp ? raw.replace(/^\t+/, "") : raw;
          if (cmp === h.name) {
            closed = true;
            break;
          }
          body.push(h.chomp ? cmp : raw);
        }
        if (!closed) throw syntaxError(file, startLine, `unterminated heredoc <<${h.name}`);
        const doc = { ...h, content: body.map((b) => b + "\n").join("") };
        target.heredocs.push(doc);
      }
      node.endLine = i;
    }
    nodes.push(node);
  }
  if (nodes.length === 0) throw syntaxError(file, Math.max(lines2.length, 1), "file with no instructions");
  const metaArgs = [];
  const stages = [];
  for (const n of nodes) {
    if (n.cmd === "from") {
      const args = n.args;
      if (!(args.length === 1 || args.length === 3 && args[1].toLowerCase() === "as")) {
        throw syntaxError(file, n.startLine, "FROM requires either one or three arguments");
      }
      const name2 = args.length === 3 ? args[2].toLowerCase() : void 0;
      if (name2 !== void 0 && !/^[a-z][a-z0-9-_.]*$/.test(name2)) {
        throw syntaxError(file, n.startLine, `invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
      }
      const platform = flagValue(n.flags, "platform");
      stages.push({ index: stages.length, name: name2, baseName: args[0], platform, from: n, commands: [] });
    } else if (stages.length === 0) {
      if (n.cmd !== "arg") throw syntaxError(file, n.startLine, `no build stage in current context: ${n.cmd.toUpperCase()} before the first FROM`, "only ARG may come before the first FROM");
      metaArgs.push(n);
    } else {
      stages[stages.length - 1].commands.push(n);
    }
  }
  if (stages.length === 0) throw syntaxError(file, nodes[nodes.length - 1].startLine, "no FROM instruction", "a Dockerfile needs at least one FROM");
  return { file, escapeToken: escape, metaArgs, stages, warnings };
}
function parseLine(line, file, startLine, endLine, inOnbuild = false) {
  const trimmed = line.trim();
  const m = WS_RE.exec(trimmed);
  const keyword = m ? trimmed.slice(0, m.index) : trimmed;
  const rest = m ? trimmed.slice(m.index + m[0].length) : "";
  const cmd = keyword.toLowerCase();
  if (!KNOWN.has(cmd)) throw syntaxError(file, startLine, `unknown instruction: ${keyword}`);
  const { flags, rest: argText } = extractFlags(rest, file, startLine);
  const node = {
    cmd,
    original: line,
    flags,
    args: [],
    json: false,
    startLine,
    endLine,
    heredocs: []
  };
  const at = (msg) => syntaxError(file, startLine, msg);
  switch (cmd) {
    case "onbuild": {
      if (inOnbuild) throw at("ONBUILD ONBUILD is not allowed");
      const sub = parseLine(argText, file, startLine, endLine, true);
      if (sub.cmd === "from" || sub.cmd === "maintainer") throw at(`${sub.cmd.toUpperCase()} isn't allowed as an ONBUILD trigger`);
      node.sub = sub;
      node.args = [argText.trim()];
      break;
    }
    case "add":
    case "copy":
    case "volume": {
      const j = tryJson(argText);
      if (j) {
        node.args = j;
        node.json = true;
      } else node.args = argText.trim() === "" ? [] : argText.trim().split(WS_RE);
      if (cmd !== "volume" && node.args.length < 2) {
        throw at(`${cmd.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      break;
    }
    case "run":
    case "cmd":
    case "entrypoint":
    case "shell": {
      const j = tryJson(argText);
      if (j) {
        node.args = j;
        node.json = true;
      } else node.args = argText === "" ? [] : [argText];
      if (cmd === "shell" && !node.json) throw at("SHELL requires the arguments to be in JSON form");
      break;
    }
    case "from":
    case "expose":
      node.args = argText.trim() === "" ? [] : argText.trim().split(WS_RE);
      break;
    case "arg": {
      const words = splitWords(argText, "\\");
      if (words.length === 0) throw at("ARG requires at least one argument");
      node.args = words;
      break;
    }
    case "env":
    case "label": {
      const words = splitWords(argText, "\\");
      if (words.length === 0) throw at(`${cmd.toUpperCase()} requires at least one argument`);
      if (!words[0].includes("=")) {
        const mm = WS_RE.exec(argText.trim());
        if (!mm) throw at(`${cmd.toUpperCase()} must have two arguments`);
        const t = argText.trim();
        node.args = [`${t.slice(0, mm.index)}=${t.slice(mm.index + mm[0].length)}`];
        node.json = false;
        node.legacyKV = true;
      } else {
        for (const w of words) {
          if (!w.includes("=")) throw at(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
        }
        node.args = words;
      }
      break;
    }
    default:
      node.args = argText.trim() === "" ? [] : [argText.trim()];
      if (["workdir", "user", "stopsignal", "maintainer"].includes(cmd) && node.args.length === 0) {
        throw at(`${cmd.toUpperCase()} requires exactly one argument`);
      }
  }
  return node;
}
function keyValues(ins) {
  const legacy = ins.legacyKV === true;
  return ins.args.map((w) => {
    const eq2 = w.indexOf("=");
    if (eq2 < 0) return { key: w, value: void 0 };
    return { key: w.slice(0, eq2), value: legacy ? w.slice(eq2 + 1) : w.slice(eq2 + 1) };
  });
}
function flagValue(flags, name2) {
  let v;
  for (const f of flags) {
    if (f === `--${name2}`) v = "";
    else if (f.startsWith(`--${name2}=`)) v = f.slice(name2.length + 3);
  }
  return v;
}
function flagValues(flags, name2) {
  return flags.filter((f) => f.startsWith(`--${name2}=`)).map((f) => f.slice(name2.length + 3));
}
function tryJson(text2) {
  const t = text2.trim();
  if (!t.startsWith("[")) return void 0;
  try {
    const v = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
  } catch {
  }
  return void 0;
}
function extractFlags(text2, file, line) {
  const flags = [];
  let i = 0;
  const n = text2.length;
  for (; ; ) {
    while (i < n && /\s/.test(text2[i])) i++;
    if (!text2.startsWith("--", i)) break;
    let word = "";
    let quote = "";
    let j = i;
    for (; j < n; j++) {
      const c = text2[j];
      if (quote) {
        if (c === quote) quote = "";
        else word += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c)) break;
      else word += c;
    }
    if (quote) throw syntaxError(file, line, `unmatched quote in flag ${word}`);
    i = j;
    if (word === "--") break;
    flags.push(word);
  }
  return { flags, rest: text2.slice(i) };
}
function splitWords(text2, escape) {
  const words = [];
  let word = "";
  let quote = "";
  let blank = true;
  const chars = Array.from(text2);
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    if (blank) {
      if (/\s/.test(c)) continue;
      blank = false;
    }
    if (/\s/.test(c) && !quote) {
      words.push(word);
      word = "";
      blank = true;
      continue;
    }
    if (c === escape && k + 1 < chars.length && quote !== "'") {
      word += c + chars[++k];
      continue;
    }
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    word += c;
  }
  if (word !== "") words.push(word);
  return words;
}
function findHeredocs(argText) {
  const out = [];
  const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  for (let m = re.exec(argText); m; m = re.exec(argText)) {
    out.push({ name: m[3], chomp: m[1] === "-", expand: m[2] === "" });
  }
  return out;
}
function targetStageIndex(df, target) {
  if (!target) return df.stages.length - 1;
  for (const s of df.stages) if (s.name === target) return s.index;
  for (const s of df.stages) if (s.name === target.toLowerCase()) return s.index;
  throw new WerfActionError(`${target} is not a valid target build stage`, {
    code: "dockerfile.target-not-found",
    location: { file: df.file },
    hint: `stages in ${df.file}: ${df.stages.map((s) => s.name ?? String(s.index)).join(", ")}`
  });
}

// packages/core/src/build/dockerfile/shell.ts
var ShellWordError = class extends Error {
};
var Scanner = class {
  i = 0;
  chars;
  constructor(s) {
    this.chars = Array.from(s);
  }
  peek() {
    return this.chars[this.i];
  }
  next() {
    return this.chars[this.i++];
  }
};
var Word = class {
  constructor(text2, env, escape) {
    this.env = env;
    this.escape = escape;
    this.sc = new Scanner(text2);
  }
  env;
  escape;
  sc;
  rawEscapes = false;
  run() {
    return this.processStopOn(void 0, false);
  }
  processStopOn(stop, rawEscapes) {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let out = "";
      while (this.sc.peek() !== void 0) {
        const ch = this.sc.peek();
        if (stop !== void 0 && ch === stop) {
          this.sc.next();
          return out;
        }
        if (ch === "$") out += this.processDollar();
        else if (ch === "'") out += this.processSingleQuote();
        else if (ch === '"') out += this.processDoubleQuote();
        else {
          let c = this.sc.next();
          if (c === this.escape) {
            if (this.rawEscapes) out += c;
            const n = this.sc.next();
            if (n === void 0) break;
            c = n;
          }
          out += c;
        }
      }
      if (stop !== void 0) throw new ShellWordError(`unexpected end of statement while looking for matching ${stop}`);
      return out;
    } finally {
      this.rawEscapes = saved;
    }
  }
  processSingleQuote() {
    this.sc.next();
    let out = "";
    for (; ; ) {
      const c = this.sc.next();
      if (c === void 0) throw new ShellWordError("unexpected end of statement while looking for matching single-quote");
      if (c === "'") return out;
      out += c;
    }
  }
  processDoubleQuote() {
    this.sc.next();
    let out = "";
    for (; ; ) {
      const p = this.sc.peek();
      if (p === void 0) throw new ShellWordError("unexpected end of statement while looking for matching double-quote");
      if (p === '"') {
        this.sc.next();
        return out;
      }
      if (p === "$") {
        out += this.processDollar();
        continue;
      }
      let c = this.sc.next();
      if (c === this.escape) {
        if (this.rawEscapes) out += c;
        const n = this.sc.peek();
        if (n === void 0) continue;
        if (n === '"' || n === "$" || n === this.escape) c = this.sc.next();
      }
      out += c;
    }
  }
  getEnv(name2) {
    const v = this.env.get(name2);
    return v === void 0 ? ["", false] : [v, true];
  }
  processName() {
    let name2 = "";
    for (; ; ) {
      const ch = this.sc.peek();
      if (ch === void 0) break;
      if (name2 === "" && /\d/.test(ch)) {
        while (this.sc.peek() !== void 0 && /\d/.test(this.sc.peek())) name2 += this.sc.next();
        return name2;
      }
      if (name2 === "" && "@*#?-$!0".includes(ch)) return this.sc.next();
      if (!/[\p{L}\p{Nd}_]/u.test(ch)) break;
      name2 += this.sc.next();
    }
    return name2;
  }
  processDollar() {
    this.sc.next();
    if (this.sc.peek() !== "{") {
      const name3 = this.processName();
      if (name3 === "") return "$";
      return this.getEnv(name3)[0];
    }
    this.sc.next();
    const first = this.sc.peek();
    if (first === void 0) throw new ShellWordError("syntax error: missing '}'");
    if (first === "{" || first === "}" || first === ":") throw new ShellWordError("syntax error: bad substitution");
    const name2 = this.processName();
    let ch = this.sc.next();
    let chs = ch ?? "";
    let nullIsUnset = false;
    if (ch === "}") return this.getEnv(name2)[0];
    if (ch === ":") {
      nullIsUnset = true;
      ch = this.sc.next();
      chs += ch ?? "";
      if (ch === void 0 || !"+-?#%".includes(ch)) {
        if (ch !== void 0) this.processStopOnSafe();
        throw new ShellWordError(`unsupported modifier (${chs}) in substitution`);
      }
    }
    if (ch !== void 0 && "+-?#%".includes(ch)) {
      const raw = ch === "#" || ch === "%";
      let word;
      try {
        word = this.processStopOn("}", raw);
      } catch (e) {
        if (this.sc.peek() === void 0) throw new ShellWordError("syntax error: missing '}'");
        throw e;
      }
      const [value2, set2] = this.getEnv(name2);
      switch (ch) {
        case "-":
          return !set2 || nullIsUnset && value2 === "" ? word : value2;
        case "+":
          return !set2 || nullIsUnset && value2 === "" ? "" : word;
        case "?":
          if (!set2) throw new ShellWordError(`${name2}: ${word || "is not allowed to be unset"}`);
          if (nullIsUnset && value2 === "") throw new ShellWordError(`${name2}: ${word || "is not allowed to be empty"}`);
          return value2;
        default: {
          let greedy = false;
          if (word.startsWith(ch)) {
            greedy = true;
            word = word.slice(1);
          }
          return ch === "%" ? trimSuffix(word, value2, greedy) : trimPrefix(word, value2, greedy);
        }
      }
    }
    if (ch === "/") {
      const all = this.sc.peek() === "/";
      if (all) this.sc.next();
      let pattern;
      let replacement;
      try {
        pattern = this.processStopOn("/", true);
      } catch (e) {
        if (this.sc.peek() === void 0) throw new ShellWordError("syntax error: missing '/' in ${}");
        throw e;
      }
      try {
        replacement = this.processStopOn("}", true);
      } catch (e) {
        if (this.sc.peek() === void 0) throw new ShellWordError("syntax error: missing '}'");
        throw e;
      }
      const [value2] = this.getEnv(name2);
      const re = shellPatternToRegex(pattern, true, false, all);
      if (all) return value2.replace(re, () => replacement);
      return value2.replace(re, () => replacement);
    }
    throw new ShellWordError(`unsupported modifier (${chs}) in substitution`);
  }
  processStopOnSafe() {
    try {
      this.processStopOn("}", false);
    } catch {
    }
  }
};
function shellPatternToRegex(pattern, greedy, anchored, global = false, suffix = false) {
  let out = anchored && !suffix ? "^" : "";
  const star = greedy ? ".*" : ".*?";
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const t = chars[i];
    if (t === "*") out += star;
    else if (t === "?") out += ".";
    else if (t === "\\") {
      const n = chars[i + 1];
      if (n === "}" || n === "/") continue;
      if (n !== "*" && n !== "?" && n !== "\\") throw new ShellWordError(`invalid escape '\\${n ?? ""}'`);
      out += "\\" + n;
      i++;
    } else if ("[]{}.+()|^$".includes(t)) out += "\\" + t;
    else out += t;
  }
  if (suffix) out += "$";
  return new RegExp(out, global ? "gs" : "s");
}
function trimPrefix(word, value2, greedy) {
  const m = shellPatternToRegex(word, greedy, true).exec(value2);
  return m ? value2.slice(m.index + m[0].length) : value2;
}
function trimSuffix(word, value2, greedy) {
  const re = shellPatternToRegex(word, true, true, false, false);
  const anchoredFull = new RegExp(`^(?:${re.source.slice(1)})$`, "s");
  if (greedy) {
    for (let i = 0; i <= value2.length; i++) if (anchoredFull.test(value2.slice(i))) return value2.slice(0, i);
  } else {
    for (let i = value2.length; i >= 0; i--) if (anchoredFull.test(value2.slice(i))) return value2.slice(0, i);
  }
  return value2;
}
function processWord(word, env, escapeToken = "\\") {
  const map = env instanceof Map ? env : new Map(Object.entries(env));
  return new Word(word, map, escapeToken).run();
}

// packages/core/src/build/dockerfile/digest.ts
function hostPlatform() {
  const arch = process.arch === "x64" ? "amd64" : process.arch === "ia32" ? "386" : process.arch === "arm" ? "arm" : process.arch;
  return `linux/${arch}`;
}
function platformArgs(target) {
  const build2 = hostPlatform();
  const tp = target && target !== "" ? target : build2;
  const [bos = "", barch = "", bvar = ""] = build2.split("/");
  const [tos = "", tarch = "", tvar = ""] = tp.split("/");
  return {
    BUILDPLATFORM: build2,
    BUILDOS: bos,
    BUILDARCH: barch,
    BUILDVARIANT: bvar,
    TARGETPLATFORM: tp,
    TARGETOS: tos,
    TARGETARCH: tarch,
    TARGETVARIANT: tvar
  };
}
function computeDockerfileDependencies(input) {
  const df = input.dockerfile;
  const esc2 = df.escapeToken;
  const fail = (ins, e) => {
    const msg = e instanceof Error ? e.message : String(e);
    throw new WerfActionError(`${msg} in ${ins.cmd.toUpperCase()}`, {
      code: "dockerfile.expansion",
      location: { file: df.file, line: ins.startLine },
      cause: e
    });
  };
  const word = (ins, text2, env) => {
    try {
      return processWord(text2, env, esc2);
    } catch (e) {
      if (e instanceof ShellWordError) return fail(ins, e);
      throw e;
    }
  };
  const depArgs = input.dependencyArgs;
  const buildArgs = input.buildArgs;
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const meta = /* @__PURE__ */ new Map();
  for (const ins of df.metaArgs) {
    for (const kv of keyValues(ins)) {
      const key = word(ins, kv.key, meta);
      let value2;
      if (has(depArgs, key)) value2 = depArgs[key];
      else if (has(buildArgs, key)) value2 = buildArgs[key];
      else value2 = word(ins, kv.value ?? "", meta);
      meta.set(key, value2);
    }
  }
  const resolvedMeta = new Map(Object.entries(platformArgs(input.platform)));
  for (const [k, v] of meta) resolvedMeta.set(k, v);
  const n = df.stages.length;
  const stageArgs = Array.from({ length: n }, () => /* @__PURE__ */ new Map());
  const stageEnvs = Array.from({ length: n }, () => /* @__PURE__ */ new Map());
  const argsAndEnvs = (i) => {
    const m = new Map(stageEnvs[i]);
    for (const [k, v] of stageArgs[i]) m.set(k, v);
    return m;
  };
  const instructionDeps = (i, ins, onbuild) => {
    const deps = [];
    const onbuildDeps = [];
    const resolve8 = (v) => word(ins, v, onbuild ? stageEnvs[i] : argsAndEnvs(i));
    const code = ins.original.trim();
    switch (ins.cmd) {
      case "arg":
        for (const kv of keyValues(ins)) {
          let key;
          let value2;
          if (!onbuild) {
            key = resolve8(kv.key);
            const raw = kv.value ?? "";
            if (has(depArgs, key)) value2 = depArgs[key];
            else if (has(buildArgs, key)) value2 = buildArgs[key];
            else if (raw === "") value2 = resolvedMeta.get(key) ?? "";
            else value2 = resolve8(raw);
            stageArgs[i].set(key, value2);
          } else {
            key = resolve8(kv.key);
            value2 = resolve8(kv.value ?? "");
          }
          deps.push(`ARG ${key}=${value2}`);
        }
        break;
      case "env":
        for (const kv of keyValues(ins)) {
          const key = resolve8(kv.key);
          const value2 = resolve8(kv.value ?? "");
          if (!onbuild) stageEnvs[i].set(key, value2);
          deps.push(`ENV ${key}=${value2}`);
        }
        break;
      case "add":
      case "copy": {
        deps.push(heredocAware(code, ins));
        if (ins.cmd === "add" || flagValue(ins.flags, "from") === void 0) {
          const sources = ins.args.slice(0, -1).map(resolve8);
          deps.push(input.sourcesChecksum(sources, ins));
        }
        break;
      }
      case "onbuild": {
        const expression = code.replace(/^\s*onbuild\s*/i, "");
        deps.push(expression);
        const sub = instructionDeps(i, ins.sub, true);
        onbuildDeps.push(...sub.deps);
        break;
      }
      default:
        deps.push(heredocAware(resolve8(code), ins));
    }
    return { deps, onbuildDeps };
  };
  const stagesDeps = [];
  const stagesOnbuild = [];
  for (const st of df.stages) {
    const deps = [...input.addHost];
    const base = word(st.from, st.baseName, resolvedMeta);
    if (base === "") {
      throw new WerfActionError(`base image name of stage ${st.index} resolves to an empty string`, {
        code: "dockerfile.invalid-base-image",
        location: { file: df.file, line: st.from.startLine },
        hint: "give the ARG used in FROM a default or pass it in werf.yaml args"
      });
    }
    deps.push(base);
    const onb = [];
    for (const c of st.commands) {
      const r = instructionDeps(st.index, c, false);
      deps.push(...r.deps);
      onb.push(...r.onbuildDeps);
    }
    stagesDeps.push(deps);
    stagesOnbuild.push(onb);
  }
  const nameToIndex = /* @__PURE__ */ new Map();
  df.stages.forEach((s, idx) => {
    if (s.name !== void 0 && s.name !== String(idx)) nameToIndex.set(s.name, idx);
  });
  const fromIndex = (v) => {
    const mapped = nameToIndex.get(v.toLowerCase());
    const s = mapped !== void 0 ? String(mapped) : v;
    return /^\d+$/.test(s) ? Number(s) : void 0;
  };
  for (const st of df.stages) {
    const ind = st.index;
    for (const rel of df.stages) {
      if (rel.index === ind) continue;
      if (rel.name !== void 0 && st.baseName === rel.name) {
        stagesDeps[ind].push(...stagesDeps[rel.index], ...stagesOnbuild[rel.index]);
      }
    }
    for (const c of st.commands) {
      if (c.cmd === "copy") {
        const from = flagValue(c.flags, "from");
        const j = from === void 0 ? void 0 : fromIndex(from);
        if (j !== void 0 && j < n) stagesDeps[ind].push(...stagesDeps[j]);
      } else if (c.cmd === "run") {
        for (const m of flagValues(c.flags, "mount")) {
          const mf = /(?:^|,)from=([^,]+)/.exec(m);
          const j = mf ? fromIndex(mf[1]) : void 0;
          if (j !== void 0 && j < n) stagesDeps[ind].push(...stagesDeps[j]);
        }
      }
    }
  }
  const parts = [...stagesDeps[input.targetIndex]];
  if (input.cacheVersion) parts.push(input.cacheVersion);
  const target = df.stages[input.targetIndex];
  return { dependencies: sha256(...parts), parts, baseImage: word(target.from, target.baseName, resolvedMeta) };
}
function heredocAware(text2, ins) {
  if (ins.heredocs.length === 0) return text2;
  return [text2, ...ins.heredocs.map((h) => h.content)].join("\n");
}

// packages/core/src/build/context.ts
import { createHash as createHash7 } from "node:crypto";
function modeString(mode) {
  return mode.padStart(7, "0");
}
var ContextTree = class _ContextTree {
  constructor(git, commit, contextPath, rootHash) {
    this.git = git;
    this.commit = commit;
    this.contextPath = contextPath;
    this.rootHash = rootHash;
    this.treeHashes.set("", rootHash);
  }
  git;
  commit;
  contextPath;
  rootHash;
  /** Children of each loaded directory (relative to the context; '' = the context itself). */
  children = /* @__PURE__ */ new Map();
  treeHashes = /* @__PURE__ */ new Map();
  fullyLoaded = false;
  /** Opens the context directory of `commit`: one `git cat-file --batch` for its top level. */
  static async load(git, commit, contextPath) {
    const name2 = _ContextTree.rootObjectName(commit, contextPath);
    return _ContextTree.fromRootObject(git, commit, contextPath, (await git.readObjects([name2])).get(name2));
  }
  /** The `git cat-file` name of the context's tree. */
  static rootObjectName(commit, contextPath) {
    const clean = normalize2(contextPath);
    return clean === "" ? `${commit}^{tree}` : `${commit}:${clean}`;
  }
  /** Opens the context from its tree object, read by the caller (batched with other reads). */
  static fromRootObject(git, commit, contextPath, obj) {
    const clean = normalize2(contextPath);
    if (!obj || obj.kind !== "tree" || !obj.hash || !obj.content) {
      throw new WerfActionError(`build context "${clean || "."}" is not a directory in commit ${commit.slice(0, 12)}`, {
        code: "build.context-not-found",
        location: { subject: clean || "." },
        hint: "the context must be a directory committed to git (giterminism)"
      });
    }
    const t = new _ContextTree(git, commit, clean, obj.hash);
    t.setChildren("", parseTreeObject(obj.content, obj.hash.length / 2));
    return t;
  }
  /** A tree from a full listing (tests, and trees assembled elsewhere). */
  static fromEntries(contextPath, rootHash, entries) {
    const t = new _ContextTree(void 0, "", normalize2(contextPath), rootHash);
    t.fillFromListing(entries);
    return t;
  }
  setChildren(dir, raw) {
    const prefix = dir === "" ? "" : dir + "/";
    const list2 = raw.map((e) => ({ path: prefix + e.name, mode: e.mode, type: e.type, hash: e.hash }));
    this.children.set(dir, list2);
    for (const e of list2) if (e.type === "tree") this.treeHashes.set(e.path, e.hash);
  }
  fillFromListing(entries) {
    const map = /* @__PURE__ */ new Map([["", []]]);
    for (const e of entries) {
      const slash = e.path.lastIndexOf("/");
      const parent = slash < 0 ? "" : e.path.slice(0, slash);
      let list2 = map.get(parent);
      if (!list2) map.set(parent, list2 = []);
      list2.push(e);
      if (e.type === "tree") {
        this.treeHashes.set(e.path, e.hash);
        if (!map.has(e.path)) map.set(e.path, []);
      }
    }
    for (const [k, v] of map) this.children.set(k, v);
    this.fullyLoaded = true;
  }
  /** Loads the children of `dirs` not loaded yet, in one batch. */
  async ensure(dirs) {
    const missing = dirs.filter((d) => !this.children.has(d));
    if (missing.length === 0) return;
    if (!this.git) throw new Error("internal: context tree without git is incomplete");
    const byHash = /* @__PURE__ */ new Map();
    for (const d of missing) {
      const h = this.treeHashes.get(d);
      byHash.set(h, [...byHash.get(h) ?? [], d]);
    }
    const objs = await this.git.readObjects([...byHash.keys()]);
    for (const [h, ds] of byHash) {
      const o = objs.get(h);
      for (const d of ds) this.setChildren(d, o?.kind === "tree" && o.content ? parseTreeObject(o.content, h.length / 2) : []);
    }
  }
  /** Loads everything with one recursive `git ls-tree` (for materializing the context). */
  async loadAll() {
    if (this.fullyLoaded) return;
    if (!this.git) return;
    const list2 = await this.git.lsTree(this.commit, this.contextPath === "" ? void 0 : [this.contextPath], { recursive: true, trees: true });
    const prefix = this.contextPath === "" ? "" : this.contextPath + "/";
    const entries = [];
    for (const e of list2) {
      if (!e.path.startsWith(prefix) || e.path.length === prefix.length) continue;
      entries.push({ path: e.path.slice(prefix.length), mode: e.mode, type: e.type, hash: e.hash });
    }
    this.fillFromListing(entries);
  }
  /** Committed non-directory entries left after .dockerignore (`keep`, e.g. the Dockerfile, is never dropped). */
  async files(ignore, keep = []) {
    await this.loadAll();
    const keepSet = new Set(keep);
    const out = [];
    const walk = (dir) => {
      for (const e of this.children.get(dir) ?? []) {
        if (e.type === "tree") {
          if (ignore.dirStatus(e.path) === "all" && ![...keepSet].some((k) => k.startsWith(e.path + "/"))) continue;
          walk(e.path);
        } else if (keepSet.has(e.path) || !ignore.ignores(e.path)) out.push(e);
      }
    };
    walk("");
    return out;
  }
  /**
   * werf's ls-tree checksum of the entries matched by `sources` and not
   * ignored: hex SHA-256 over `<hash><mode>` sorted by path, "" when nothing
   * matches. Directories wholly matched contribute their tree hash.
   */
  async checksum(ignore, sources) {
    const picked = [];
    const full = this.contextPath === "" ? "" : this.contextPath + "/";
    let frontier = [""];
    while (frontier.length) {
      const walk = [];
      for (const dir of frontier) {
        const src = sources.dirStatus(dir);
        if (src === "none") continue;
        const ign = ignore.dirStatus(dir);
        if (ign === "all") continue;
        if (src === "all" && ign === "none") {
          picked.push({ path: dir === "" ? this.contextPath : full + dir, hash: this.treeHashes.get(dir), mode: "040000" });
          continue;
        }
        walk.push(dir);
      }
      await this.ensure(walk);
      const next = [];
      for (const dir of walk) {
        for (const e of this.children.get(dir) ?? []) {
          if (e.type === "tree") next.push(e.path);
          else if (sources.matches(e.path) && !ignore.ignores(e.path)) picked.push({ path: full + e.path, hash: e.hash, mode: e.mode });
        }
      }
      frontier = next;
    }
    if (picked.length === 0) return "";
    picked.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    const h = createHash7("sha256");
    for (const p of picked) h.update(p.hash + modeString(p.mode));
    return h.digest("hex");
  }
};
function normalize2(contextPath) {
  const ctx = contextPath.replace(/^\.?\/*/, "").replace(/\/+$/, "");
  return ctx === "." ? "" : ctx;
}

// packages/core/src/build/workspace.ts
import { cp, mkdir, mkdtemp as mkdtemp3, rm as rm3, stat as stat2, symlink, writeFile as writeFile2, readdir as readdir3, readFile as readFile5 } from "node:fs/promises";
import { createHash as createHash8 } from "node:crypto";
import { tmpdir as tmpdir3 } from "node:os";
import { dirname, join as join6, relative } from "node:path";
async function materializeContext(opts) {
  const dir = await mkdtemp3(join6(opts.parent ?? tmpdir3(), "werf-action-ctx-"));
  try {
    const entries = (await opts.tree.files(opts.ignore, [opts.dockerfile])).filter((e) => e.type === "blob");
    const blobs = await opts.git.readBlobs(entries.map((e) => e.hash));
    const dirs = /* @__PURE__ */ new Set();
    for (const e of entries) {
      const d = dirname(e.path);
      if (d !== "." && !dirs.has(d)) {
        await mkdir(join6(dir, d), { recursive: true });
        dirs.add(d);
      }
    }
    let count = 0;
    const writes = [];
    const flush = async () => {
      await Promise.all(writes);
      writes.length = 0;
    };
    for (const e of entries) {
      const content = blobs.get(e.hash);
      if (!content) continue;
      const abs = join6(dir, e.path);
      if (e.mode === "120000") writes.push(symlink(content.toString("utf8"), abs));
      else writes.push(writeFile2(abs, content, { mode: e.mode === "100755" ? 493 : 420 }));
      count++;
      if (writes.length >= 64) await flush();
    }
    await flush();
    for (const add2 of opts.contextAddFiles) {
      const src = join6(opts.workTreeContext, add2);
      try {
        await stat2(src);
      } catch {
        throw new WerfActionError(`contextAddFiles entry "${add2}" does not exist in the work tree`, {
          code: "build.context-add-file-missing",
          location: { subject: src },
          hint: "contextAddFiles must name existing files or directories relative to the context"
        });
      }
      await mkdir(dirname(join6(dir, add2)), { recursive: true });
      await cp(src, join6(dir, add2), { recursive: true, force: true, verbatimSymlinks: true });
      count++;
    }
    return { dir, files: count, cleanup: () => rm3(dir, { recursive: true, force: true }) };
  } catch (e) {
    await rm3(dir, { recursive: true, force: true });
    throw e;
  }
}
async function contextAddFilesChecksum(workTreeContext, addFiles, sources) {
  const files = [];
  const walk = async (abs) => {
    const st = await stat2(abs).catch(() => void 0);
    if (!st) return;
    if (st.isDirectory()) {
      for (const n of await readdir3(abs)) await walk(join6(abs, n));
    } else files.push(relative(workTreeContext, abs).split("\\").join("/"));
  };
  for (const a of addFiles) await walk(join6(workTreeContext, a));
  const matched = [...new Set(files)].filter((f) => sources.matches(f)).sort();
  if (matched.length === 0) return "";
  const h = createHash8("sha256");
  for (const f of matched) {
    const content = await readFile5(join6(workTreeContext, f));
    h.update(`${f}:::${createHash8("sha256").update(content).digest("hex")}
`);
  }
  return h.digest("hex");
}

// packages/core/src/build/image.ts
var PrepareCache = class {
  trees = new Once();
  /** Objects read so far by `git cat-file` name; missing ones too (kind `missing`). */
  objects = /* @__PURE__ */ new Map();
  /** Reads the names not read yet, in one `git cat-file --batch`. */
  async read(git, names) {
    const missing = names.filter((n) => !this.objects.has(n));
    if (missing.length === 0) return;
    for (const [k, v] of await git.readObjects(missing)) this.objects.set(k, v);
  }
};
function norm(p) {
  const n = posix2.normalize(p.replace(/\\/g, "/")).replace(/^\.\/?/, "").replace(/\/+$/, "");
  return n === "." ? "" : n;
}
function imageLocation(commit, projectPath, spec) {
  const contextPath = norm(posix2.join(projectPath || ".", spec.context || "."));
  const inCtx = norm(spec.dockerfile || "Dockerfile");
  const dockerfilePath2 = norm(posix2.join(contextPath || ".", inCtx));
  if (contextPath.startsWith("..") || dockerfilePath2.startsWith("..")) {
    throw new WerfActionError(`image "${spec.name}": context and dockerfile must stay inside the repository`, {
      code: "build.path-outside-repo",
      location: { subject: spec.name }
    });
  }
  const names = {
    dockerfile: `${commit}:${dockerfilePath2}`,
    specificIgnore: `${commit}:${dockerfilePath2}.dockerignore`,
    generalIgnore: `${commit}:${posix2.join(contextPath || ".", ".dockerignore").replace(/^\.\//, "")}`,
    root: ContextTree.rootObjectName(commit, contextPath)
  };
  return { contextPath, inCtx, dockerfilePath: dockerfilePath2, names };
}
async function prepareDockerfileImages(opts) {
  const cache4 = opts.cache ?? new PrepareCache();
  await cache4.read(opts.git, opts.specs.flatMap((spec) => Object.values(imageLocation(opts.commit, opts.projectPath, spec).names)));
  const out = /* @__PURE__ */ new Map();
  for (const spec of opts.specs) out.set(spec.name, await prepareDockerfileImage({ ...opts, spec, cache: cache4 }));
  return out;
}
async function prepareDockerfileImage(opts) {
  const { git, commit, spec } = opts;
  const cache4 = opts.cache ?? new PrepareCache();
  const { contextPath, inCtx, dockerfilePath: dockerfilePath2, names } = imageLocation(commit, opts.projectPath, spec);
  await cache4.read(git, Object.values(names));
  const blob = (n) => {
    const o = cache4.objects.get(n);
    return o?.kind === "blob" && o.content ? o.content : null;
  };
  const [text2, specificIgnore, generalIgnore] = [blob(names.dockerfile), blob(names.specificIgnore), blob(names.generalIgnore)];
  const tree = await cache4.trees.run(`${commit}:${contextPath}`, async () => ContextTree.fromRootObject(git, commit, contextPath, cache4.objects.get(names.root)));
  if (!text2) {
    throw new WerfActionError(`image "${spec.name}": Dockerfile ${dockerfilePath2} is not in commit ${commit.slice(0, 12)}`, {
      code: "build.dockerfile-not-found",
      location: { file: dockerfilePath2, subject: spec.name },
      hint: "commit the Dockerfile (werf-action reads it from git HEAD)"
    });
  }
  const dockerfileText = text2.toString("utf8");
  const dockerfile = parseDockerfile(dockerfileText, dockerfilePath2);
  const ignore = DockerIgnore.parse((specificIgnore ?? generalIgnore)?.toString("utf8") ?? "");
  const targetIndex = targetStageIndex(dockerfile, spec.target);
  const platform = spec.platform[0] ?? opts.platform ?? hostPlatform();
  return { spec, dockerfile, dockerfileText, dockerfilePath: dockerfilePath2, contextPath, dockerfileInContext: inCtx, tree, ignore, targetIndex, platform };
}
function dependencyBuildArgs(spec, refs) {
  const out = {};
  for (const dep of spec.dependencies) {
    const ref = refs.get(dep.image);
    if (!ref) throw new Error(`internal: dependency ${dep.image} of ${spec.name} has no result yet`);
    for (const imp of dep.imports) {
      if (!imp.targetBuildArg) continue;
      out[imp.targetBuildArg] = imp.type === "ImageName" ? ref.name : imp.type === "ImageTag" ? ref.tag : imp.type === "ImageRepo" ? ref.repo : imp.type === "ImageID" ? ref.id : ref.digest;
    }
  }
  return out;
}
async function computeImageDigest(p, opts) {
  const addSums = /* @__PURE__ */ new Map();
  const adds = p.spec.contextAddFiles;
  if (adds.length && opts.workTreeContext) {
    for (const st of p.dockerfile.stages) {
      for (const ins of st.commands) {
        if (ins.cmd !== "copy" && ins.cmd !== "add") continue;
        const key = ins.args.slice(0, -1).join("\0");
        if (!addSums.has(key)) addSums.set(key, await contextAddFilesChecksum(opts.workTreeContext, adds, new SourceMatcher(ins.args.slice(0, -1))));
      }
    }
  }
  const input = {
    dockerfile: p.dockerfile,
    targetIndex: p.targetIndex,
    buildArgs: p.spec.args,
    dependencyArgs: opts.dependencyArgs,
    addHost: p.spec.addHost,
    platform: p.platform,
    cacheVersion: p.spec.cacheVersion ?? opts.globalCacheVersion
  };
  const wanted = /* @__PURE__ */ new Map();
  computeDockerfileDependencies({ ...input, sourcesChecksum: (sources) => {
    wanted.set(sources.join("\0"), sources);
    return "";
  } });
  const sums = /* @__PURE__ */ new Map();
  for (const [key, sources] of wanted) sums.set(key, await p.tree.checksum(p.ignore, new SourceMatcher(sources)));
  const r = computeDockerfileDependencies({
    ...input,
    sourcesChecksum: (sources, ins) => {
      let sum = sha256(sums.get(sources.join("\0")));
      if (adds.length) {
        const extra = addSums.get(ins.args.slice(0, -1).join("\0")) ?? "";
        if (extra !== "") sum = sha256(sum, extra);
      }
      return sum;
    }
  });
  const digest = stageDigest({ platform: p.platform, stageName: "dockerfile", dependencies: r.dependencies });
  return {
    digest,
    contentDigest: stageContentDigest({ platform: p.platform, stageName: "dockerfile", digest }),
    dependencies: r.dependencies,
    parts: r.parts,
    dependencyArgs: opts.dependencyArgs
  };
}

// packages/core/src/build/store.ts
var LocalStageStore = class {
  constructor(buildah, repo) {
    this.buildah = buildah;
    this.repo = repo;
  }
  buildah;
  repo;
  remote = false;
  listing;
  list(fresh) {
    if (!this.listing || fresh) {
      this.listing = this.buildah.images().then((imgs) => {
        const byDigest = /* @__PURE__ */ new Map();
        const prefixes = [`localhost/${this.repo}:`, `${this.repo}:`];
        for (const img of imgs) {
          for (const n of img.names) {
            const p = prefixes.find((x) => n.startsWith(x));
            if (!p) continue;
            const tag2 = n.slice(p.length);
            const st = parseStageTag(tag2);
            if (!st) continue;
            const list2 = byDigest.get(st.digest) ?? [];
            list2.push({ tag: tag2, id: img.id });
            byDigest.set(st.digest, list2);
          }
        }
        return byDigest;
      });
    }
    return this.listing;
  }
  async prefetch() {
    await this.list(false);
  }
  async find(digest, opts = {}) {
    const list2 = (await this.list(opts.fresh ?? false)).get(digest);
    if (!list2?.length) return void 0;
    const oldest = [...list2].sort((a, b) => parseStageTag(a.tag).createdAt - parseStageTag(b.tag).createdAt)[0];
    const info = await this.buildah.inspect(`${this.repo}:${oldest.tag}`);
    if (!info) return void 0;
    return { tag: oldest.tag, digest, createdAt: parseStageTag(oldest.tag).createdAt, imageId: info.id, manifestDigest: info.digest, size: info.size };
  }
  async publish(localImage, digest, createdAt) {
    const tag2 = formatStageTag(digest, createdAt);
    await this.buildah.tag(localImage, `${this.repo}:${tag2}`);
    const info = await this.buildah.inspect(`${this.repo}:${tag2}`);
    this.listing = void 0;
    return { tag: tag2, digest, createdAt, imageId: info?.id ?? "", manifestDigest: info?.digest ?? "", size: info?.size ?? 0 };
  }
  async addImageMetadata() {
  }
  async addManagedImage() {
  }
  async addCustomTag(stage, customTag) {
    await this.buildah.tag(`${this.repo}:${stage.tag}`, `${this.repo}:${customTag}`);
  }
};

// packages/core/src/build/repo-store.ts
var RepoStageStore = class {
  constructor(storage, buildah, access) {
    this.storage = storage;
    this.buildah = buildah;
    this.access = access;
  }
  storage;
  buildah;
  access;
  remote = true;
  get repo() {
    return this.storage.address;
  }
  async prefetch() {
    await this.storage.index();
  }
  async find(digest, opts = {}) {
    const d = await this.storage.findStage(digest, { refresh: opts.fresh, labels: false });
    if (!d) return void 0;
    return { tag: d.tag, digest, createdAt: d.createdAt, imageId: d.imageId.replace(/^sha256:/, ""), manifestDigest: d.manifestDigest, size: d.size };
  }
  async publish(localImage, digest, createdAt) {
    const tag2 = formatStageTag(digest, createdAt);
    const name2 = `${this.repo}:${tag2}`;
    await this.buildah.tag(localImage, name2);
    const manifestDigest = await this.buildah.push(name2, name2, this.access);
    (await this.storage.index()).add(tag2);
    const info = await this.buildah.inspect(name2);
    return { tag: tag2, digest, createdAt, imageId: info?.id ?? "", manifestDigest, size: info?.size ?? 0 };
  }
  async addImageMetadata(imageName, commit, stageTag) {
    await this.storage.putImageMetadata(imageName, commit, stageTag);
  }
  async addManagedImage(imageName) {
    await this.storage.addManagedImage(imageName);
  }
  async addCustomTag(stage, customTag) {
    await this.storage.addCustomTag(stage.tag, customTag);
  }
};

// packages/core/src/build/lock.ts
import { mkdir as mkdir2, rmdir, stat as stat3, utimes } from "node:fs/promises";
import { homedir as homedir2 } from "node:os";
import { join as join7 } from "node:path";
function defaultLockDir(env) {
  return join7(env.WERF_HOME ?? join7(env.HOME ?? homedir2(), ".werf"), "werf-action", "locks");
}
async function withLocalLock(ctx, dir, name2, fn, opts = {}) {
  const staleMs = opts.staleMs ?? 10 * 6e4;
  const poll = opts.pollMs ?? 50;
  await mkdir2(dir, { recursive: true });
  const path = join7(dir, name2.replace(/[^A-Za-z0-9._-]/g, "_"));
  for (; ; ) {
    try {
      await mkdir2(path);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const st = await stat3(path).catch(() => void 0);
      if (st && ctx.now() - st.mtimeMs > staleMs) {
        ctx.log.warn(`breaking stale lock ${path}`);
        await rmdir(path).catch(() => void 0);
        continue;
      }
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error("aborted");
      await new Promise((r) => setTimeout(r, poll));
    }
  }
  const keepAlive = setInterval(() => {
    const now = /* @__PURE__ */ new Date();
    utimes(path, now, now).catch(() => void 0);
  }, Math.max(1e3, staleMs / 4));
  try {
    return await fn();
  } finally {
    clearInterval(keepAlive);
    await rmdir(path).catch(() => void 0);
  }
}

// packages/core/src/commands/build.ts
var DEFAULT_REPORT = ".werf-build-report.json";
async function build(opts, ctx) {
  const project = opts.project ?? await loadProject({ ...opts.load ?? { dir: "." }, checkContexts: true, ctx });
  const projectName = project.meta.project;
  const platforms = opts.platform?.length ? opts.platform : project.meta.build.platform;
  if (platforms.length > 1) {
    throw new WerfActionError(`building for several platforms at once (${platforms.join(", ")}) is not supported yet`, {
      code: "build.multiplatform-unsupported",
      location: { subject: "--platform" },
      hint: "build one platform per run"
    });
  }
  const stapel = project.images.filter((i) => i.kind !== "dockerfile");
  if (stapel.length) {
    throw new WerfActionError(`Stapel images are not supported by this build yet: ${stapel.map((i) => i.name).join(", ")}`, {
      code: "build.stapel-unsupported",
      location: { file: "werf.yaml", subject: stapel[0].name },
      hint: "use Dockerfile images, or build Stapel images with werf"
    });
  }
  const all = /* @__PURE__ */ new Map();
  for (const i of project.images) if (i.kind === "dockerfile") all.set(i.name, i);
  const selected = selectImages(all, opts.images);
  for (const n of selected) {
    if (all.get(n).staged) ctx.log.warn(`image ${n}: staged: true (a stage per instruction) is not supported yet; it is built and cached as one dockerfile stage`);
  }
  const buildah = new Buildah(ctx, opts.buildah);
  const access = {
    tlsVerify: opts.insecureRegistry || opts.skipTlsVerifyRegistry ? false : void 0,
    certDir: opts.registryCertDir,
    authFile: authFile(opts.dockerConfig, ctx.env)
  };
  let client;
  let store;
  if (opts.repo) {
    client = opts.registryClient ?? new RegistryClient(ctx, {
      insecureRegistry: opts.insecureRegistry,
      skipTlsVerifyRegistry: opts.skipTlsVerifyRegistry,
      dockerConfigDir: opts.dockerConfig
    });
    store = new RepoStageStore(new StagesStorage(ctx, { repo: opts.repo, project: projectName, client }), buildah, access);
  } else {
    if (opts.addCustomTags?.length) {
      throw new WerfActionError("--add-custom-tag needs a remote --repo", { code: "build.custom-tag-needs-repo", location: { subject: "--add-custom-tag" } });
    }
    store = new LocalStageStore(buildah, projectName);
  }
  try {
    const git = await GitRepo.open(project.gitRoot, { ctx });
    const commit = project.dev ? await git.devCommit() : project.commit.hash;
    const preparing = prepareDockerfileImages({
      git,
      commit,
      projectPath: project.projectPath,
      specs: selected.map((n) => all.get(n)),
      platform: platforms[0]
    });
    const listed = store.prefetch();
    listed.catch(() => void 0);
    const prepared = await preparing;
    await listed;
    const levels = dependencyLevels(selected, (n) => all.get(n).dependencies.map((d) => d.image));
    const limit = opts.parallel === false ? 1 : Math.max(1, opts.parallelTasksLimit ?? 5);
    const refs = /* @__PURE__ */ new Map();
    const results = /* @__PURE__ */ new Map();
    const missing = [];
    const byDigest = new Once();
    const mutex = new KeyedMutex();
    const repoName = store.repo;
    for (const level of levels) {
      await runLimited(level, limit, async (name2) => {
        const spec = all.get(name2);
        const p = prepared.get(name2);
        if (spec.dependencies.some((d2) => !refs.has(d2.image))) {
          missing.push(`${name2} (its dependencies are not built)`);
          return;
        }
        const depArgs = dependencyBuildArgs(spec, refs);
        const d = await computeImageDigest(p, {
          dependencyArgs: depArgs,
          globalCacheVersion: project.meta.build.cacheVersion,
          workTreeContext: join8(project.gitRoot, p.contextPath)
        });
        if (ctx.env.WERF_DEBUG_DOCKERFILE_STAGE_DEPENDENCIES === "1") ctx.log.info(`${name2} dependencies:
  ${d.parts.join("\n  ")}`);
        const obtained = await byDigest.run(d.digest, () => mutex.with(d.digest, async () => {
          const found = await store.find(d.digest);
          if (found) {
            ctx.log.info(`image ${name2}: using ${repoName}:${found.tag}`);
            return { record: found, rebuilt: false, buildMs: 0, source: store.remote ? "repo" : "local" };
          }
          if (opts.requireBuiltImages) return { record: void 0, rebuilt: false, buildMs: -1, source: "build" };
          return buildStage({
            ctx,
            git,
            buildah,
            store,
            project,
            p,
            name: name2,
            digest: d.digest,
            contentDigest: d.contentDigest,
            depArgs,
            refs,
            access,
            keepLocal: opts.keepLocalImages ?? true,
            lockDir: opts.lockDir ?? defaultLockDir(ctx.env)
          });
        }));
        if (obtained.buildMs < 0) {
          missing.push(`${name2} (${repoName}: no stage with digest ${d.digest})`);
          return;
        }
        const r = obtained.record;
        refs.set(name2, { name: `${repoName}:${r.tag}`, repo: repoName, tag: r.tag, id: `sha256:${r.imageId}`, digest: r.manifestDigest });
        results.set(name2, { obtained, prepared: p });
        const cleanup = project.meta.cleanup;
        if (!project.dev && !cleanup?.disable && !cleanup?.disableGitHistoryBasedPolicy) await store.addImageMetadata(name2, commit, r.tag);
        if (obtained.rebuilt && !cleanup?.disable) await store.addManagedImage(name2);
      });
    }
    if (missing.length) {
      throw new WerfActionError(`${missing.length} image(s) are not built: ${missing.join("; ")}`, {
        code: "build.required-images-missing",
        location: { subject: opts.repo ?? projectName },
        hint: "run the build job for this commit first (werf-action build), or drop --require-built-images"
      });
    }
    const finals = selected.filter((n) => all.get(n).final);
    if (opts.addCustomTags?.length) {
      for (const tpl of opts.addCustomTags) {
        if (finals.length > 1 && !/%image(_slug|_safe_slug)?%/.test(tpl)) {
          throw new WerfActionError(`custom tag "${tpl}" must contain %image%, %image_slug% or %image_safe_slug% when there are several final images`, {
            code: "build.custom-tag-ambiguous",
            location: { subject: "--add-custom-tag" }
          });
        }
      }
      for (const name2 of finals) {
        const r = results.get(name2).obtained.record;
        for (const tpl of opts.addCustomTags) {
          const tag2 = expandCustomTag(tpl, name2, r.tag);
          if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag2)) {
            throw new WerfActionError(`custom tag "${tag2}" (from "${tpl}") is not a valid docker tag`, { code: "build.custom-tag-invalid", location: { subject: "--add-custom-tag" } });
          }
          await store.addCustomTag(r, tag2);
          ctx.log.info(`image ${name2}: tagged ${repoName}:${tag2}`);
        }
      }
    }
    const finalDigests = /* @__PURE__ */ new Map();
    if (opts.finalRepo) {
      if (!store.remote) {
        throw new WerfActionError("--final-repo needs --repo", { code: "build.final-repo-needs-repo", location: { subject: "--final-repo" } });
      }
      for (const name2 of finals) {
        const r = results.get(name2).obtained.record;
        const src = `${repoName}:${r.tag}`;
        const dst = `${opts.finalRepo}:${r.tag}`;
        if (!await buildah.exists(src)) await buildah.pull(src, access);
        await buildah.tag(src, dst);
        finalDigests.set(name2, await buildah.push(dst, dst, access));
        ctx.log.info(`image ${name2}: copied to ${dst}`);
      }
    }
    const report = { Images: {}, ImagesByPlatform: {} };
    for (const name2 of selected) {
      const { obtained } = results.get(name2);
      const r = obtained.record;
      const buildTime = (obtained.buildMs / 1e3).toFixed(2);
      const finalDigest = finalDigests.get(name2);
      const reportRepo = finalDigest ? opts.finalRepo : repoName;
      const imageName = `${reportRepo}:${r.tag}`;
      const stage = {
        Name: "dockerfile",
        DockerImageName: imageName,
        DockerTag: r.tag,
        DockerImageID: `sha256:${r.imageId}`,
        DockerImageDigest: r.manifestDigest,
        CreatedAt: r.createdAt * 1e6,
        Size: r.size,
        SourceType: obtained.rebuilt ? "" : obtained.source,
        BaseImagePulled: false,
        Rebuilt: obtained.rebuilt,
        BuildTime: buildTime
      };
      const record = {
        WerfImageName: name2,
        DockerRepo: reportRepo,
        DockerTag: r.tag,
        DockerImageID: `sha256:${r.imageId}`,
        DockerImageDigest: finalDigest ?? r.manifestDigest,
        DockerImageName: imageName,
        TargetPlatform: results.get(name2).prepared.platform,
        Rebuilt: obtained.rebuilt,
        Final: all.get(name2).final,
        Size: r.size,
        BuildTime: buildTime,
        Commit: commit,
        Stages: [stage]
      };
      report.Images[name2] = record;
    }
    if (opts.saveBuildReport || opts.buildReportPath) {
      const path = resolveReportPath(project.dir, opts.buildReportPath);
      await saveBuildReport(report, path);
      ctx.log.info(`build report saved to ${path}`);
    }
    return report;
  } finally {
    if (client && !opts.registryClient) await client.close();
  }
}
async function buildStage(a) {
  const { ctx, buildah, store, p, name: name2 } = a;
  const spec = p.spec;
  const work = await materializeContext({
    git: a.git,
    tree: p.tree,
    ignore: p.ignore,
    dockerfile: p.dockerfileInContext,
    workTreeContext: join8(a.project.gitRoot, p.contextPath),
    contextAddFiles: spec.contextAddFiles
  });
  const tmpName = `localhost/werf-action-building/${a.project.meta.project}:${a.digest.slice(0, 16)}-${randomBytes3(4).toString("hex")}`;
  try {
    const labels = {
      "werf": a.project.meta.project,
      "werf-version": VERSION,
      "werf-stage-content-digest": a.contentDigest,
      "werf-project-repo-commit": a.project.commit.hash
    };
    for (const dep of spec.dependencies) {
      const ref = a.refs.get(dep.image);
      labels[`werf-dependency-stage-id-${sha256(ref.tag)}`] = ref.tag;
    }
    const { elapsedMs } = await buildah.build({
      contextDir: work.dir,
      dockerfile: join8(work.dir, p.dockerfileInContext),
      target: spec.target,
      buildArgs: { ...spec.args, ...a.depArgs },
      platform: p.platform,
      network: spec.network,
      addHost: spec.addHost,
      secrets: spec.secrets.map((s) => ({ id: s.id, env: s.env, value: s.value, src: s.src && !isAbsolute2(s.src) ? resolve3(a.project.dir, s.src) : s.src })),
      labels,
      tags: [tmpName],
      registry: a.access,
      title: `image ${name2} (${a.digest.slice(0, 12)})`,
      dockerfileForErrors: { file: p.dockerfilePath, text: p.dockerfileText }
    });
    const outcome = await withLocalLock(ctx, a.lockDir, `${a.project.meta.project}.${a.digest}`, async () => {
      const raced = await store.find(a.digest, { fresh: true });
      if (raced) return { raced };
      return { record: await store.publish(tmpName, a.digest, ctx.now()) };
    });
    if (outcome.raced) {
      const raced = outcome.raced;
      ctx.log.info(`image ${name2}: discarding the newly built image, ${store.repo}:${raced.tag} appeared meanwhile`);
      return { record: raced, rebuilt: false, buildMs: elapsedMs, source: store.remote ? "repo" : "local" };
    }
    const record = outcome.record;
    ctx.log.info(`image ${name2}: ${store.remote ? "pushed" : "stored"} ${store.repo}:${record.tag}`);
    if (store.remote && !a.keepLocal) await buildah.rmi(`${store.repo}:${record.tag}`).catch(() => void 0);
    return { record, rebuilt: true, buildMs: elapsedMs, source: "build" };
  } finally {
    await buildah.rmi(tmpName).catch(() => void 0);
    await work.cleanup();
  }
}
function selectImages(all, wanted) {
  if (!wanted?.length) return [...all.keys()];
  const out = /* @__PURE__ */ new Set();
  const add2 = (n, from) => {
    const spec = all.get(n);
    if (!spec) {
      throw new WerfActionError(from ? `image "${from}" depends on unknown image "${n}"` : `image "${n}" is not defined in werf.yaml`, {
        code: "build.unknown-image",
        location: { file: "werf.yaml", subject: n },
        hint: `images: ${[...all.keys()].join(", ")}`
      });
    }
    if (out.has(n)) return;
    for (const d of spec.dependencies) add2(d.image, n);
    out.add(n);
  };
  for (const n of wanted) add2(n);
  return [...all.keys()].filter((n) => out.has(n));
}
function authFile(dockerConfig, env) {
  const dir = dockerConfig ?? env.DOCKER_CONFIG;
  if (!dir) return void 0;
  const f = join8(dir, "config.json");
  return existsSync2(f) ? f : void 0;
}
function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
}
function expandCustomTag(template, image, contentTag) {
  return template.replaceAll("%image_content_based_tag%", contentTag).replaceAll("%image_safe_slug%", slug(image)).replaceAll("%image_slug%", slug(image)).replaceAll("%image%", image);
}
function resolveReportPath(projectDir, path) {
  const p = path ?? DEFAULT_REPORT;
  return isAbsolute2(p) ? p : resolve3(projectDir, p);
}
async function saveBuildReport(report, path) {
  await mkdir3(dirname2(path), { recursive: true });
  await writeFile3(path, path.endsWith(".env") ? buildReportEnv(report) : buildReportJson(report));
}
async function loadBuildReport(path) {
  let text2;
  try {
    text2 = await readFile6(path, "utf8");
  } catch (e) {
    throw new WerfActionError(`build report ${path} cannot be read`, {
      code: "build.report-missing",
      location: { file: path },
      hint: "run build with --save-build-report first",
      cause: e
    });
  }
  return parseBuildReport(text2, path);
}

// packages/core/src/commands/config.ts
var import_yaml6 = __toESM(require_dist(), 1);
function pick(project, names) {
  if (!names || names.length === 0) return project.images;
  const byName = new Map(project.images.map((i) => [i.name, i]));
  return names.map((n) => {
    const img = byName.get(n);
    if (!img) {
      throw new WerfActionError(`image ${JSON.stringify(n)} is not defined in ${project.configPath}`, {
        code: "config.unknown-image",
        location: { file: project.configPath, subject: n },
        hint: `defined images: ${[...byName.keys()].map((x) => JSON.stringify(x)).join(", ")}`
      });
    }
    return img;
  });
}
async function renderConfig(opts) {
  const project = await loadProject(opts);
  return renderProject(project, opts.images);
}
function renderProject(project, images) {
  if (!images || images.length === 0) return project.rendered;
  const seen = /* @__PURE__ */ new Set();
  const docs = [];
  for (const img of pick(project, images)) {
    if (seen.has(img.rawDoc)) continue;
    seen.add(img.rawDoc);
    docs.push(img.rawDoc);
  }
  return docs.join("---\n");
}
async function listConfig(opts) {
  const project = await loadProject(opts);
  return listProject(project, opts.finalOnly);
}
function listProject(project, finalOnly = false) {
  return project.images.filter((i) => !finalOnly || i.final).map((i) => (i.nameless ? "~" : i.name) + "\n").join("");
}
async function graphConfig(opts) {
  const project = await loadProject(opts);
  return graphProject(project, opts.images);
}
function graphProject(project, images) {
  const out = pick(project, images).map((img) => {
    const deps = {};
    for (const e of imageEdges(img)) {
      const key = e.via === "from" ? "from" : e.via;
      (deps[key] ??= []).includes(e.image) || deps[key].push(e.image);
    }
    const entry = { image: img.nameless ? null : img.name };
    if (Object.keys(deps).length) {
      entry.dependsOn = Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, k === "from" ? v[0] : v]));
    }
    return entry;
  });
  return (0, import_yaml6.stringify)(out, { indentSeq: false });
}

// packages/core/src/commands/render.ts
import { readFileSync as readFileSync7 } from "node:fs";
import { join as join12, resolve as resolve4 } from "node:path";

// packages/core/src/config/deploy.ts
function renderParam(kind, text2, funcs, meta) {
  try {
    const t = new Templates({ funcs, missingKey: "default", delims: ["[[", "]]"] });
    t.parse(kind, text2);
    return t.execute(kind, {}).trim();
  } catch (e) {
    const key = kind === "release" ? "helmRelease" : "namespace";
    throw new WerfActionError(`cannot render deploy.${key} template ${JSON.stringify(text2)}: ${e.message}`, {
      code: "config.template",
      location: { ...meta.pos, subject: `deploy.${key}` },
      hint: "the template uses [[ ]] delimiters and the functions project, env" + (kind === "release" ? ", namespace" : "")
    });
  }
}
function resolveNamespace(meta, o = {}) {
  if (o.namespace) {
    const bad3 = validateNamespace(o.namespace);
    if (bad3) throw new WerfActionError(`bad --namespace ${JSON.stringify(o.namespace)}: ${bad3}`, { code: "deploy.bad-namespace", location: { subject: "--namespace" } });
    return o.namespace;
  }
  const env = o.env ?? "";
  const text2 = meta.deploy.namespace ?? (env ? "[[ project ]]-[[ env ]]" : "[[ project ]]");
  const rendered = renderParam("namespace", text2, { project: () => meta.project, env: () => env }, meta);
  if (meta.deploy.namespaceSlug) return slugNamespace(rendered);
  const bad2 = validateNamespace(rendered);
  if (bad2) throw new WerfActionError(`deploy.namespace rendered to an invalid namespace: ${bad2}`, { code: "config.invalid-value", location: { ...meta.pos }, hint: "fix the template or set deploy.namespaceSlug: true" });
  return rendered;
}
function resolveRelease(meta, o = {}) {
  if (o.release) {
    const bad3 = validateRelease(o.release);
    if (bad3) throw new WerfActionError(`bad --release ${JSON.stringify(o.release)}: ${bad3}`, { code: "deploy.bad-release", location: { subject: "--release" } });
    return o.release;
  }
  const env = o.env ?? "";
  const namespace = resolveNamespace(meta, o);
  const text2 = meta.deploy.helmRelease ?? (env ? "[[ project ]]-[[ env ]]" : "[[ project ]]");
  const rendered = renderParam("release", text2, { project: () => meta.project, env: () => env, namespace: () => namespace }, meta);
  if (meta.deploy.helmReleaseSlug) return slugRelease(rendered);
  const bad2 = validateRelease(rendered);
  if (bad2) throw new WerfActionError(`deploy.helmRelease rendered to an invalid release name: ${bad2}`, { code: "config.invalid-value", location: { ...meta.pos }, hint: "fix the template or set deploy.helmReleaseSlug: true" });
  return rendered;
}

// packages/core/src/chart/loader.ts
import { readFileSync as readFileSync3, readdirSync, statSync as statSync2, lstatSync } from "node:fs";
import { join as join9, basename as basename2 } from "node:path";

// packages/core/src/chart/ignore.ts
function goMatch(pattern, name2) {
  return compileGlob(pattern).test(name2);
}
var cache3 = /* @__PURE__ */ new Map();
function compileGlob(pattern) {
  const hit = cache3.get(pattern);
  if (hit) return hit;
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "\\") {
      i++;
      if (i >= pattern.length) throw new Error("syntax error in pattern");
      re += escapeRe3(pattern[i]);
    } else if (c === "[") {
      let j = i + 1;
      let cls = "";
      if (pattern[j] === "^") {
        cls += "^";
        j++;
      }
      let n = 0;
      for (; ; ) {
        if (j >= pattern.length) throw new Error("syntax error in pattern");
        let ch = pattern[j];
        if (ch === "]" && n > 0) break;
        if (ch === "\\") {
          j++;
          if (j >= pattern.length) throw new Error("syntax error in pattern");
          ch = pattern[j];
        } else if (ch === "-" || ch === "]") throw new Error("syntax error in pattern");
        cls += escapeRe3(ch);
        j++;
        if (pattern[j] === "-") {
          j++;
          let hi = pattern[j];
          if (hi === void 0 || hi === "]") throw new Error("syntax error in pattern");
          if (hi === "\\") {
            j++;
            hi = pattern[j];
            if (hi === void 0) throw new Error("syntax error in pattern");
          }
          cls += "-" + escapeRe3(hi);
          j++;
        }
        n++;
      }
      re += cls.startsWith("^") ? `(?!/)[${cls}]` : `(?!/)[${cls}]`;
      i = j;
    } else re += escapeRe3(c);
  }
  const r = new RegExp(re + "$", "s");
  cache3.set(pattern, r);
  return r;
}
function escapeRe3(c) {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? "\\" + c : c;
}
var IgnoreRules = class _IgnoreRules {
  patterns = [];
  /** Parses a .helmignore text; throws Helm's errors on bad lines. */
  static parse(text2) {
    const r = new _IgnoreRules();
    for (const line of text2.split(/\r?\n/)) r.addRule(line);
    return r;
  }
  addDefaults() {
    this.addRule("templates/.?*");
    return this;
  }
  addRule(line) {
    let rule = line.trim();
    if (rule === "" || rule.startsWith("#")) return;
    if (rule.includes("**")) throw new Error("double-star (**) syntax is not supported");
    compileGlob(rule);
    const p = { raw: rule, negate: false, mustDir: false, match: () => false };
    if (rule.startsWith("!")) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith("/")) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    if (rule.startsWith("/")) {
      const r = rule.slice(1);
      p.match = (n) => safeMatch(r, n);
    } else if (rule.includes("/")) {
      p.match = (n) => safeMatch(rule, n);
    } else {
      p.match = (n) => safeMatch(rule, n.slice(n.lastIndexOf("/") + 1));
    }
    this.patterns.push(p);
  }
  /** Helm's Rules.Ignore, including its negation quirk: a `!rule` ignores what it does not match. */
  ignore(path, isDir) {
    if (path === "" || path === "." || path === "./") return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }
};
function safeMatch(pattern, name2) {
  try {
    return goMatch(pattern, name2);
  } catch {
    return false;
  }
}

// packages/core/src/chart/tar.ts
import { gunzipSync } from "node:zlib";
var MAX_SIZE = 100 * 1024 * 1024;
function str2(b, start, len2) {
  let end = start;
  while (end < start + len2 && b[end] !== 0) end++;
  return Buffer.from(b.subarray(start, end)).toString("utf8");
}
function octal(b, start, len2) {
  if (b[start] & 128) {
    let n = 0;
    for (let i = start + 1; i < start + len2; i++) n = n * 256 + b[i];
    return n;
  }
  const s = str2(b, start, len2).trim();
  return s === "" ? 0 : parseInt(s, 8);
}
function readTar(buf) {
  const out = [];
  let off = 0;
  let longName;
  let pax = {};
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    const stored = octal(h, 148, 8);
    if (stored !== sum) throw new Error("archive/tar: invalid tar header");
    let size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156] || 48);
    const magic = str2(h, 257, 6);
    let name2 = str2(h, 0, 100);
    if (magic === "ustar") {
      const prefix = str2(h, 345, 155);
      if (prefix) name2 = `${prefix}/${name2}`;
    }
    if (pax.size) size = Number(pax.size);
    const dataStart = off + 512;
    if (dataStart + size > buf.length) throw new Error("unexpected EOF");
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = str2(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      pax = { ...pax, ...parsePax(data) };
      continue;
    }
    if (type === "g") continue;
    if (longName !== void 0) {
      name2 = longName;
      longName = void 0;
    }
    if (pax.path) name2 = pax.path;
    pax = {};
    out.push({ name: name2, type, data });
  }
  return out;
}
function parsePax(data) {
  const out = {};
  const text2 = Buffer.from(data).toString("utf8");
  let i = 0;
  while (i < text2.length) {
    const sp = text2.indexOf(" ", i);
    if (sp < 0) break;
    const len2 = parseInt(text2.slice(i, sp), 10);
    if (!(len2 > 0)) break;
    const rec = text2.slice(sp + 1, i + len2 - 1);
    const eq2 = rec.indexOf("=");
    if (eq2 > 0) out[rec.slice(0, eq2)] = rec.slice(eq2 + 1);
    i += len2;
  }
  return out;
}
function gunzip(buf) {
  return gunzipSync(buf, { maxOutputLength: MAX_SIZE });
}

// packages/core/src/chart/yaml.ts
var import_yaml7 = __toESM(require_dist(), 1);
var OPTIONS = {
  version: "1.1",
  merge: true,
  uniqueKeys: false,
  customTags: (tags) => tags.filter((t) => (typeof t === "string" ? t : t.tag) !== "tag:yaml.org,2002:timestamp"),
  intAsBigInt: false
};
var TOJS = { maxAliasCount: -1 };
var YamlError = class extends Error {
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
    this.name = "YamlError";
  }
  line;
  column;
};
function normalize3(v) {
  if (v === void 0) return null;
  if (v instanceof Map) {
    const out = {};
    for (const [k, val] of v) out[String(k)] = normalize3(val);
    return out;
  }
  if (v instanceof Set) return [...v].map(normalize3);
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (Array.isArray(v)) return v.map(normalize3);
  if (v !== null && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v)) out[k] = normalize3(v[k]);
    return out;
  }
  if (typeof v === "bigint") return Number(v);
  return v;
}
function parseYaml2(text2) {
  const doc = (0, import_yaml7.parseDocument)(text2, OPTIONS);
  const err2 = doc.errors[0];
  if (err2) {
    const pos = err2.linePos?.[0];
    throw new YamlError(`yaml: line ${pos?.line ?? 0}: ${firstLine(err2.message)}`, pos?.line, pos?.col);
  }
  return normalize3(doc.toJS(TOJS));
}
function parseYamlMap(text2) {
  const v = parseYaml2(text2);
  if (v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) {
    throw new YamlError(`error unmarshaling JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
  }
  return v;
}
function jsonKind(v) {
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "number" || typeof v === "bigint") return "number";
  if (typeof v === "boolean") return "bool";
  if (v === null) return "null";
  return "object";
}
function firstLine(s) {
  return s.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
function isTable(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Uint8Array);
}
function deepCopy2(v) {
  if (Array.isArray(v)) return v.map(deepCopy2);
  if (isTable(v)) {
    const out = {};
    for (const k of Object.keys(v)) out[k] = deepCopy2(v[k]);
    return out;
  }
  return v;
}

// packages/core/src/chart/semver.ts
var VERSION_RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
function parseSemver2(v) {
  const m = VERSION_RE.exec(v.trim());
  if (!m) return void 0;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] ?? "", build: m[5] ?? "" };
}
function compareSemver(a, b) {
  for (const k of ["major", "minor", "patch"]) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  if (a.pre === b.pre) return 0;
  if (a.pre === "") return 1;
  if (b.pre === "") return -1;
  const pa = a.pre.split("."), pb = b.pre.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i], y = pb[i];
    if (x === void 0) return -1;
    if (y === void 0) return 1;
    const nx = /^\d+$/.test(x), ny = /^\d+$/.test(y);
    if (nx && ny) {
      if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    } else if (nx) return -1;
    else if (ny) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
function parsePartial(s) {
  const m = /^v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-([0-9A-Za-z-.]+))?(?:\+[0-9A-Za-z-.]+)?$/.exec(s);
  if (!m) return void 0;
  const parts = [m[1], m[2], m[3]];
  let wild = 3;
  const nums = [];
  for (let i = 0; i < 3; i++) {
    const p = parts[i];
    if (p === void 0 || /^[xX*]$/.test(p)) {
      if (wild === 3) wild = i;
      nums.push(void 0);
      continue;
    }
    if (!/^\d+$/.test(p)) return void 0;
    nums.push(wild < 3 ? void 0 : Number(p));
  }
  return { major: nums[0], minor: nums[1], patch: nums[2], pre: m[4] ?? "", wild };
}
function toVer(p) {
  return { major: p.major ?? 0, minor: p.minor ?? 0, patch: p.patch ?? 0, pre: p.pre, build: "" };
}
function one(op, p) {
  const base = toVer(p);
  const cmp = (v) => compareSemver(v, base);
  const upper = () => p.wild === 0 ? { major: Infinity, minor: 0, patch: 0, pre: "", build: "" } : p.wild === 1 ? { major: base.major + 1, minor: 0, patch: 0, pre: "", build: "" } : p.wild === 2 ? { major: base.major, minor: base.minor + 1, patch: 0, pre: "", build: "" } : base;
  switch (op) {
    case "":
    case "=":
      if (p.wild === 3) return (v) => cmp(v) === 0;
      return (v) => compareSemver(v, base) >= 0 && (p.wild === 0 || compareSemver(v, upper()) < 0);
    case "!=":
      if (p.wild === 3) return (v) => cmp(v) !== 0;
      return (v) => !(compareSemver(v, base) >= 0 && (p.wild === 0 || compareSemver(v, upper()) < 0));
    case ">":
      return p.wild === 3 ? (v) => cmp(v) > 0 : (v) => p.wild !== 0 && compareSemver(v, upper()) >= 0;
    case ">=":
    case "=>":
      return (v) => cmp(v) >= 0;
    case "<":
      return (v) => cmp(v) < 0;
    case "<=":
    case "=<":
      return p.wild === 3 ? (v) => cmp(v) <= 0 : (v) => p.wild === 0 || compareSemver(v, upper()) < 0;
    case "~":
    case "~>": {
      const hi = p.wild <= 1 && p.wild !== 3 ? { major: base.major + 1, minor: 0, patch: 0, pre: "", build: "" } : { major: base.major, minor: base.minor + 1, patch: 0, pre: "", build: "" };
      return (v) => cmp(v) >= 0 && compareSemver(v, hi) < 0;
    }
    case "^": {
      let hi;
      if (base.major > 0 || p.wild === 1) hi = { major: base.major + 1, minor: 0, patch: 0, pre: "", build: "" };
      else if (base.minor > 0 || p.wild === 2) hi = { major: 0, minor: base.minor + 1, patch: 0, pre: "", build: "" };
      else hi = { major: 0, minor: 0, patch: base.patch + 1, pre: "", build: "" };
      return (v) => cmp(v) >= 0 && compareSemver(v, hi) < 0;
    }
  }
  throw new Error(`improper constraint: ${op}`);
}
function parseConstraint2(text2) {
  const ors = text2.split("||").map((s) => s.trim());
  const alts = [];
  for (const or of ors) {
    const checks = [];
    let allowPre = false;
    const norm2 = or.replace(/\s*-\s+/g, " - ").replace(/(=|<|>|~|\^|!)\s+/g, "$1");
    const tokens = norm2.split(/[\s,]+/).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i + 1] === "-" && tokens[i + 2] !== void 0) {
        const lo = parsePartial(tokens[i]), hi = parsePartial(tokens[i + 2]);
        if (!lo || !hi) throw new Error(`improper constraint: ${text2}`);
        if (lo.pre || hi.pre) allowPre = true;
        checks.push(one(">=", lo), one("<=", hi));
        i += 2;
        continue;
      }
      const m = /^(!=|>=|=>|<=|=<|~>|[=<>~^])?(.*)$/.exec(tokens[i]);
      const p = parsePartial(m[2]);
      if (!p) throw new Error(`improper constraint: ${text2}`);
      if (p.pre) allowPre = true;
      checks.push(one(m[1] ?? "", p));
    }
    alts.push({ checks, allowPre });
  }
  return (v) => alts.some((a) => (v.pre === "" || a.allowPre) && a.checks.every((c) => c(v)));
}
function satisfies(version, constraint) {
  const v = parseSemver2(version);
  if (!v) return false;
  try {
    return parseConstraint2(constraint)(v);
  } catch {
    return false;
  }
}

// packages/core/src/chart/loader.ts
var BOM = [239, 187, 191];
function stripBom(d) {
  return d.length >= 3 && d[0] === BOM[0] && d[1] === BOM[1] && d[2] === BOM[2] ? d.subarray(3) : d;
}
function text(d) {
  return Buffer.from(d).toString("utf8");
}
function chartError(message, source, hint, file) {
  return new WerfActionError(message, { code: "chart.load", location: { file: file ?? source }, hint });
}
function loadChart(path) {
  let st;
  try {
    st = statSync2(path);
  } catch {
    throw new WerfActionError(`path "${path}" not found`, { code: "chart.not-found", location: { file: path }, hint: "give the path of a chart directory (with Chart.yaml) or a chart .tgz" });
  }
  if (st.isDirectory()) return loadDir(path);
  return loadArchive(readFileSync3(path), path);
}
function loadDir(dir, opts = {}) {
  let rules = new IgnoreRules();
  const ignorePath = join9(dir, ".helmignore");
  try {
    const t = readFileSync3(ignorePath, "utf8");
    try {
      rules = IgnoreRules.parse(t);
    } catch (e) {
      throw chartError(`${e.message}`, dir, "fix the pattern in .helmignore", ignorePath);
    }
  } catch (e) {
    if (e instanceof WerfActionError) throw e;
  }
  rules.addDefaults();
  const files = [];
  const walk = (abs, rel) => {
    for (const name2 of readdirSync(abs).sort()) {
      const a = join9(abs, name2);
      const r = rel ? `${rel}/${name2}` : name2;
      let s;
      try {
        s = statSync2(a);
      } catch {
        throw chartError(`cannot read ${r}: broken symlink`, dir, void 0, a);
      }
      if (s.isDirectory()) {
        if (rules.ignore(r, true)) continue;
        walk(a, r);
        continue;
      }
      if (rules.ignore(r, false)) continue;
      if (!s.isFile()) throw chartError(`cannot load irregular file ${a} as it has file mode type bits set`, dir);
      void lstatSync;
      files.push({ name: r, data: stripBom(readFileSync3(a)) });
    }
  };
  walk(dir, "");
  if (opts.defaultChartYaml !== void 0 && !files.some((f) => f.name === "Chart.yaml")) {
    files.unshift({ name: "Chart.yaml", data: Buffer.from(opts.defaultChartYaml) });
  }
  return loadFiles(files, dir);
}
function loadArchive(data, source = "<archive>") {
  let raw;
  try {
    raw = gunzip(data);
  } catch (e) {
    throw chartError(
      `file '${source}' does not appear to be a valid chart file (details: gzip: invalid header)`,
      source,
      "a chart archive is a gzip-compressed tar (what `helm package` writes)"
    );
  }
  let entries;
  try {
    entries = readTar(raw);
  } catch (e) {
    throw chartError(`file '${source}' does not appear to be a valid chart file (details: ${e.message})`, source);
  }
  const files = [];
  for (const e of entries) {
    if (e.type === "5") continue;
    const delimiter = e.name.includes("\\") ? "\\" : "/";
    const parts = e.name.split(delimiter);
    let n = parts.slice(1).join("/");
    if (n.startsWith("/")) throw chartError("chart illegally contains absolute paths", source);
    n = cleanPath(n);
    if (n === ".") {
      if (e.type !== "0" && e.type !== "\0") continue;
      throw chartError(`chart illegally contains content outside the base directory: "${e.name}"`, source);
    }
    if (n.startsWith("..")) throw chartError("chart illegally references parent directory", source);
    if (/^[a-zA-Z]:/.test(n)) throw chartError("chart contains illegally named files", source);
    if (parts[0] === "Chart.yaml") throw chartError("chart yaml not in base directory", source);
    if (e.type !== "0" && e.type !== "\0" && e.type !== "7") continue;
    files.push({ name: n, data: stripBom(e.data) });
  }
  if (files.length === 0) throw chartError("no files in chart archive", source);
  return loadFiles(files, source);
}
function cleanPath(p) {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}
function loadFiles(files, source) {
  let metadata;
  const chart = { metadata: void 0, templates: [], values: {}, files: [], dependencies: [], source };
  const subcharts = /* @__PURE__ */ new Map();
  let requirements;
  const fileErr = (f, e) => {
    const y = e;
    return new WerfActionError(`cannot load ${f.name}: error converting YAML to JSON: ${y.message}`, {
      code: "chart.yaml",
      location: { file: join9(source, f.name), line: y.line }
    });
  };
  for (const f of files) {
    if (f.name === "Chart.yaml") {
      let raw;
      try {
        raw = parseYaml2(text(f.data));
      } catch (e) {
        throw fileErr(f, e);
      }
      metadata = { ...metadata ?? {}, ...toMetadata(raw, join9(source, f.name)) };
      if (!metadata.apiVersion) metadata.apiVersion = "v1";
    } else if (f.name === "Chart.lock") {
      try {
        chart.lock = parseYaml2(text(f.data));
      } catch (e) {
        throw fileErr(f, e);
      }
    } else if (f.name === "values.yaml") {
      chart.rawValues = text(f.data);
      try {
        chart.values = parseYamlMap(chart.rawValues);
      } catch (e) {
        throw fileErr(f, e);
      }
    } else if (f.name === "values.schema.json") {
      chart.schema = f.data;
    } else if (f.name === "requirements.yaml") {
      try {
        requirements = parseYaml2(text(f.data));
      } catch (e) {
        throw fileErr(f, e);
      }
      chart.files.push(f);
    } else if (f.name === "requirements.lock") {
      try {
        chart.lock ??= parseYaml2(text(f.data));
      } catch (e) {
        throw fileErr(f, e);
      }
      chart.files.push(f);
    } else if (f.name.startsWith("templates/")) {
      chart.templates.push(f);
    } else if (f.name.startsWith("charts/")) {
      if (f.name.endsWith(".prov")) {
        chart.files.push(f);
        continue;
      }
      const fname = f.name.slice("charts/".length);
      const cname = fname.split("/")[0];
      const list2 = subcharts.get(cname) ?? [];
      list2.push({ name: fname, data: f.data });
      subcharts.set(cname, list2);
    } else {
      chart.files.push(f);
    }
  }
  if (!metadata) {
    throw chartError("Chart.yaml file is missing", source, "a chart is a directory with Chart.yaml, values.yaml and templates/");
  }
  if (requirements !== void 0 && metadata.apiVersion === "v1" && isTable(requirements) && Array.isArray(requirements.dependencies)) {
    metadata.dependencies = toDependencies(requirements.dependencies, join9(source, "requirements.yaml"));
  }
  chart.metadata = metadata;
  validateMetadata(metadata, source);
  for (const [n, list2] of [...subcharts].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) {
    if (n.startsWith("_") || n.startsWith(".")) continue;
    let sub;
    try {
      if (n.endsWith(".tgz")) {
        const f = list2[0];
        if (f.name !== n) throw chartError(`error unpacking tar in ${metadata.name}: expected ${n}, got ${f.name}`, source);
        sub = loadArchive(f.data, join9(source, "charts", n));
      } else {
        sub = loadFiles(list2.map((f) => ({ name: f.name.slice(n.length + 1), data: f.data })), join9(source, "charts", n));
      }
    } catch (e) {
      if (e instanceof WerfActionError) {
        throw new WerfActionError(`error unpacking subchart ${n} in ${metadata.name}: ${e.message}`, { code: e.code, location: e.location, hint: e.hint });
      }
      throw e;
    }
    sub.parent = chart;
    chart.dependencies.push(sub);
  }
  return chart;
}
function str3(v) {
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "string") return v;
  return void 0;
}
function typeErr(field, v, want, file) {
  const kind = Array.isArray(v) ? "array" : typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" : typeof v === "object" ? "object" : typeof v;
  return new WerfActionError(`cannot load Chart.yaml: error unmarshaling JSON: json: cannot unmarshal ${kind} into Go struct field Metadata.${field} of type ${want}`, {
    code: "chart.metadata",
    location: { file },
    hint: want === "string" ? `quote the value of ${field} in Chart.yaml` : void 0
  });
}
function toMetadata(raw, file) {
  if (raw === null) return {};
  if (!isTable(raw)) throw new WerfActionError("cannot load Chart.yaml: error unmarshaling JSON: json: cannot unmarshal into Go value of type chart.Metadata", { code: "chart.metadata", location: { file } });
  const md = {};
  const strFields = ["name", "home", "version", "description", "icon", "apiVersion", "condition", "tags", "appVersion", "kubeVersion", "type"];
  for (const k of strFields) {
    const v = raw[k];
    if (v === void 0 || v === null) continue;
    if (typeof v !== "string") throw typeErr(k, v, "string", file);
    md[k] = sanitize(v);
  }
  for (const k of ["sources", "keywords"]) {
    const v = raw[k];
    if (v === void 0 || v === null) continue;
    if (!Array.isArray(v)) throw typeErr(k, v, "[]string", file);
    md[k] = v.map((x) => {
      if (typeof x !== "string") throw typeErr(k, x, "string", file);
      return sanitize(x);
    });
  }
  if (raw.deprecated !== void 0 && raw.deprecated !== null) {
    if (typeof raw.deprecated !== "boolean") throw typeErr("deprecated", raw.deprecated, "bool", file);
    md.deprecated = raw.deprecated;
  }
  if (isTable(raw.annotations)) {
    const a = {};
    for (const [k, v] of Object.entries(raw.annotations)) {
      if (typeof v !== "string") throw typeErr("annotations", v, "string", file);
      a[k] = v;
    }
    md.annotations = a;
  }
  if (Array.isArray(raw.maintainers)) {
    md.maintainers = raw.maintainers.map((m) => {
      const o = {};
      if (isTable(m)) {
        for (const k of ["name", "email", "url"]) if (typeof m[k] === "string") o[k] = sanitize(m[k]);
      }
      return o;
    });
  }
  if (Array.isArray(raw.dependencies)) md.dependencies = toDependencies(raw.dependencies, file);
  return md;
}
function toDependencies(list2, file) {
  return list2.map((d) => {
    if (!isTable(d)) throw new WerfActionError("cannot load dependencies: each dependency must be a map", { code: "chart.metadata", location: { file } });
    if (d.name !== void 0 && d.name !== null && typeof d.name !== "string") throw typeErr("dependencies.name", d.name, "string", file);
    const out = { name: str3(d.name) ?? "" };
    for (const k of ["version", "repository", "condition", "alias"]) {
      const v = d[k];
      if (v === void 0 || v === null) continue;
      if (typeof v !== "string") throw typeErr(`dependencies.${k}`, v, "string", file);
      out[k] = sanitize(v);
    }
    if (Array.isArray(d.tags)) out.tags = d.tags.map(String);
    if (typeof d.enabled === "boolean") out.enabled = d.enabled;
    if (Array.isArray(d["import-values"])) {
      out["import-values"] = d["import-values"].map((iv) => {
        if (typeof iv === "string") return iv;
        if (isTable(iv)) return { child: String(iv.child ?? ""), parent: String(iv.parent ?? "") };
        return String(iv);
      });
    }
    return out;
  });
}
function sanitize(s) {
  return s.replace(/\s/gu, " ").replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu, "");
}
function validateMetadata(md, source) {
  const fail = (m) => {
    throw new WerfActionError(`validation: ${m}`, { code: "chart.invalid", location: { file: join9(source, "Chart.yaml") } });
  };
  if (!md.apiVersion) fail("chart.metadata.apiVersion is required");
  if (!md.name) fail("chart.metadata.name is required");
  if (md.name === "." || md.name === ".." || md.name !== basename2(md.name) || md.name.includes("/")) fail(`chart.metadata.name "${md.name}" is invalid`);
  if (!md.version) fail("chart.metadata.version is required");
  if (!parseSemver2(md.version)) fail(`chart.metadata.version "${md.version}" is invalid`);
  if (md.type && md.type !== "application" && md.type !== "library") fail("chart.metadata.type must be application or library");
  const seen = /* @__PURE__ */ new Set();
  for (const d of md.dependencies ?? []) {
    if (!d.name) fail("dependencies must have a name");
    if (d.alias !== void 0 && !/^[a-zA-Z0-9_-]+$/.test(d.alias)) fail(`dependency "${d.name}" has disallowed characters in the alias`);
    const key = d.alias || d.name;
    if (seen.has(key)) fail(`more than one dependency with name or alias "${key}"`);
    seen.add(key);
  }
}

// packages/core/src/chart/fasthead.ts
var PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
var NON_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0b[01_]+|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\d+(?::[0-5]?\d)+(?:\.\d*)?|<<)$/;
function scanValue(v) {
  if (v === "" || v.startsWith("#")) return { kind: "empty", text: "" };
  const c = v[0];
  const restOk = (rest) => /^\s*(?:#.*)?$/.test(rest);
  if (c === '"') {
    let i = 1;
    while (i < v.length && v[i] !== '"') {
      if (v[i] === "\\") {
        const e = v[i + 1] ?? "";
        if (e === "x" || e === "u" || e === "U") return void 0;
        if (!'0abt	nvfre "/\\N_LP'.includes(e) || e === "") return void 0;
        i += 2;
      } else i++;
    }
    if (i >= v.length || !restOk(v.slice(i + 1))) return void 0;
    return { kind: "dq", text: v.slice(1, i) };
  }
  if (c === "'") {
    let i = 1;
    for (; ; ) {
      if (i >= v.length) return void 0;
      if (v[i] === "'") {
        if (v[i + 1] === "'") {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    if (!restOk(v.slice(i + 1))) return void 0;
    return { kind: "sq", text: v.slice(1, i).replace(/''/g, "'") };
  }
  if (c === "|" || c === ">") return /^[|>][-+1-9]{0,2}\s*(?:#.*)?$/.test(v) ? { kind: "block", text: "" } : void 0;
  if (c === "[" || c === "{") {
    let depth = 0, i = 0;
    for (; i < v.length; i++) {
      const ch = v[i];
      if (ch === '"') {
        i++;
        while (i < v.length && v[i] !== '"') i += v[i] === "\\" ? 2 : 1;
        continue;
      }
      if (ch === "'") {
        i++;
        while (i < v.length && !(v[i] === "'" && v[i + 1] !== "'")) i += v[i] === "'" ? 2 : 1;
        continue;
      }
      if (ch === "[" || ch === "{") depth++;
      else if (ch === "]" || ch === "}") {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth !== 0 || i >= v.length || !restOk(v.slice(i + 1))) return void 0;
    const text3 = v.slice(0, i + 1);
    if (text3 !== "[]" && text3 !== "{}") {
      try {
        parseYaml2(text3);
      } catch {
        return void 0;
      }
    }
    return { kind: "flow", text: text3 };
  }
  if ("&*!%@`,?:-]}".includes(c) && !(c === "-" && v.length > 1 && v[1] !== " ")) return void 0;
  let text2 = v;
  const hash = text2.search(/\s#/);
  if (hash >= 0) text2 = text2.slice(0, hash);
  text2 = text2.trimEnd();
  if (/:\s|:$/.test(text2) || text2.includes("	")) return void 0;
  return { kind: "plain", text: text2 };
}
function headString(s) {
  switch (s.kind) {
    case "sq":
      return s.text;
    case "dq":
      return s.text.includes("\\") ? void 0 : s.text;
    case "plain":
      return NON_STRING.test(s.text) ? void 0 : s.text;
  }
  return void 0;
}
function fastHead(doc) {
  const head = { apiVersion: "", kind: "", name: "" };
  const seen = /* @__PURE__ */ new Set();
  const stack = [];
  let prevCol = -1;
  let prevWasKey = false;
  let opener = false;
  let blockParent = -1;
  let section = "top";
  let metadataIndent = -1;
  let annotationsIndent = -1;
  for (const raw of doc.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const indent = line.length - line.trimStart().length;
    if (blockParent >= 0) {
      if (line.trim() === "" || indent > blockParent) continue;
      blockParent = -1;
    }
    const body = line.slice(indent);
    if (body === "" || body.startsWith("#")) continue;
    if (line.slice(0, indent + 1).includes("	")) return void 0;
    if (body.startsWith("---") || body.startsWith("...") || body.startsWith("%")) return void 0;
    const dashedLine = body === "-" || body.startsWith("- ");
    const kind = dashedLine ? "seq" : "map";
    if (stack.length === 0) stack.push({ indent, kind });
    else if (opener && (indent > prevCol || dashedLine && prevWasKey && indent === prevCol)) stack.push({ indent, kind });
    else {
      while (stack.length && stack[stack.length - 1].indent > indent) stack.pop();
      if (stack.length && stack[stack.length - 1].indent === indent && stack[stack.length - 1].kind === "seq" && !dashedLine) stack.pop();
      const top = stack[stack.length - 1];
      if (!top || top.indent !== indent || top.kind !== kind) return void 0;
    }
    let col = indent;
    let rest = body;
    let dashed = false;
    while (rest === "-" || rest.startsWith("- ")) {
      if (dashed) stack.push({ indent: col, kind: "seq" });
      dashed = true;
      const after = rest.slice(1);
      const sp = after.length - after.trimStart().length;
      col += 1 + sp;
      rest = after.trimStart();
    }
    if (rest === "") {
      opener = true;
      prevWasKey = false;
      prevCol = dashed ? indent : col;
      continue;
    }
    if (dashed) stack.push({ indent: col, kind: "map" });
    prevCol = col;
    let key;
    let value2 = rest;
    const km = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`?][^:#]*?)\s*:(?:\s+|$)/.exec(rest);
    if (km) {
      const k = km[1];
      if (k.startsWith('"')) {
        if (k.includes("\\")) return void 0;
        key = k.slice(1, -1);
      } else if (k.startsWith("'")) key = k.slice(1, -1).replace(/''/g, "'");
      else {
        if (!PLAIN_KEY.test(k)) return void 0;
        key = k;
      }
      value2 = rest.slice(km[0].length);
    } else if (!dashed) {
      return void 0;
    }
    const sv = scanValue(value2);
    if (!sv) return void 0;
    opener = sv.kind === "empty" && key !== void 0;
    prevWasKey = key !== void 0;
    if (key === void 0 && dashed) stack.pop();
    if (sv.kind === "block") {
      blockParent = indent;
      opener = false;
    }
    if (key !== void 0 && !dashed) {
      if (col === 0) {
        section = "other";
        if (key === "apiVersion" || key === "kind" || key === "metadata") {
          if (seen.has(key)) return void 0;
          seen.add(key);
          if (key === "metadata") {
            if (sv.kind === "flow" || sv.kind === "block" || sv.kind === "dq" || sv.kind === "sq") return void 0;
            if (sv.kind === "plain") {
              if (!/^(?:~|null|Null|NULL)$/.test(sv.text)) return void 0;
              continue;
            }
            section = "metadata";
            metadataIndent = -1;
          } else {
            const s = headString(sv);
            if (s === void 0) return void 0;
            head[key] = s;
          }
        }
      } else if (section === "metadata" || section === "annotations") {
        if (section === "annotations" && annotationsIndent >= 0 && col >= annotationsIndent) {
          if (col === annotationsIndent) {
            const s = headString(sv);
            if (s === void 0) return void 0;
            head.annotations[key] = s;
            continue;
          }
          continue;
        }
        if (metadataIndent < 0) metadataIndent = col;
        if (col === metadataIndent) {
          section = "metadata";
          if (key === "name") {
            if (seen.has("name")) return void 0;
            seen.add("name");
            const s = headString(sv);
            if (s === void 0) return void 0;
            head.name = s;
          } else if (key === "annotations") {
            if (seen.has("annotations")) return void 0;
            seen.add("annotations");
            if (sv.kind !== "empty") {
              if (sv.kind === "flow" && sv.text === "{}") {
                head.annotations = {};
                continue;
              }
              if (sv.kind === "plain" && /^(?:~|null|Null|NULL)$/.test(sv.text)) continue;
              return void 0;
            }
            section = "annotations";
            annotationsIndent = -1;
          }
        } else if (section === "annotations" && annotationsIndent < 0 && col > metadataIndent) {
          annotationsIndent = col;
          const s = headString(sv);
          if (s === void 0) return void 0;
          head.annotations = { [key]: s };
        }
      }
    } else if (dashed) {
      if (indent === 0) return void 0;
      if (section === "metadata" && (metadataIndent < 0 || indent <= metadataIndent)) return void 0;
      if (section === "annotations" && (annotationsIndent < 0 || indent <= annotationsIndent)) return void 0;
    }
  }
  if (blockParent === 0) return void 0;
  return head;
}

// packages/core/src/chart/manifests.ts
var INSTALL_ORDER = [
  "PriorityClass",
  "Namespace",
  "NetworkPolicy",
  "ResourceQuota",
  "LimitRange",
  "PodSecurityPolicy",
  "PodDisruptionBudget",
  "ServiceAccount",
  "Secret",
  "SecretList",
  "ConfigMap",
  "StorageClass",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "CustomResourceDefinition",
  "ClusterRole",
  "ClusterRoleList",
  "ClusterRoleBinding",
  "ClusterRoleBindingList",
  "Role",
  "RoleList",
  "RoleBinding",
  "RoleBindingList",
  "Service",
  "DaemonSet",
  "Pod",
  "ReplicationController",
  "ReplicaSet",
  "Deployment",
  "HorizontalPodAutoscaler",
  "StatefulSet",
  "Job",
  "CronJob",
  "IngressClass",
  "Ingress",
  "APIService"
];
var HOOK_EVENTS = ["pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback", "test"];
var GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
var TRIM_RE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, "g");
function goTrimSpace(s) {
  return s.replace(TRIM_RE, "");
}
var SEP = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;
function splitManifests(big) {
  const out = [];
  for (const d of goTrimSpace(big).split(SEP)) {
    if (d === "") continue;
    out.push(goTrimSpace(d));
  }
  return out;
}
function unmarshalErr(value2, field, type) {
  return `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(value2)} into Go struct field ${field} of type ${type}`;
}
function readHead(doc) {
  return fastHead(doc) ?? readHeadFull(doc);
}
function readHeadFull(doc) {
  let v;
  try {
    v = parseYaml2(doc);
  } catch (e) {
    throw new Error(`error converting YAML to JSON: ${e.message}`);
  }
  const head = { apiVersion: "", kind: "", name: "" };
  if (v === null) return head;
  if (!isTable(v)) throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type releaseutil.SimpleHead`);
  const s = (x, field) => {
    if (x === void 0 || x === null) return "";
    if (typeof x !== "string") throw new Error(unmarshalErr(x, field, "string"));
    return x;
  };
  head.apiVersion = s(v.apiVersion, "SimpleHead.apiVersion");
  head.kind = s(v.kind, "SimpleHead.kind");
  const md = v.metadata;
  if (md !== void 0 && md !== null) {
    if (!isTable(md)) throw new Error(unmarshalErr(md, "SimpleHead.metadata", 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }'));
    head.name = s(md.name, ".metadata.name");
    const a = md.annotations;
    if (a !== void 0 && a !== null) {
      if (!isTable(a)) throw new Error(unmarshalErr(a, ".metadata.annotations", "map[string]string"));
      head.annotations = {};
      for (const [k, x] of Object.entries(a)) {
        if (x === null) {
          head.annotations[k] = "";
          continue;
        }
        if (typeof x !== "string") throw new Error(unmarshalErr(x, ".metadata.annotations", "string"));
        head.annotations[k] = x;
      }
    }
  }
  return head;
}
function kindLess(order, a, b) {
  const ia = order.get(a), ib = order.get(b);
  if (ia === void 0 && ib === void 0) return a === b ? 0 : a < b ? -1 : 1;
  if (ia === void 0) return 1;
  if (ib === void 0) return -1;
  return ia - ib;
}
function sortByKind(items, kind, ordering = INSTALL_ORDER) {
  const order = new Map(ordering.map((k, i) => [k, i]));
  return items.map((t, i) => ({ t, i })).sort((x, y) => kindLess(order, kind(x.t), kind(y.t)) || x.i - y.i).map((x) => x.t);
}
function csv(v) {
  if (v === void 0) return [];
  return v.split(",").map((x) => x.trim().toLowerCase()).filter((x) => x !== "");
}
function sortManifests(files, ordering = INSTALL_ORDER) {
  const hooks = [];
  const generic = [];
  const skippedHooks = [];
  const paths = Object.keys(files).sort(cmpBytes2);
  for (const path of paths) {
    const content = files[path];
    if (path.slice(path.lastIndexOf("/") + 1).startsWith("_")) continue;
    if (goTrimSpace(content) === "") continue;
    for (const m of splitManifests(content)) {
      let head;
      try {
        head = readHead(m);
      } catch (e) {
        throw new WerfActionError(`YAML parse error on ${path}: ${e.message}`, {
          code: "chart.yaml-parse",
          location: { file: path, line: lineOf(e) },
          hint: "render with --debug (or `render --show-invalid`) to see the generated text"
        });
      }
      const hookTypes = head.annotations?.["helm.sh/hook"];
      if (!head.annotations || Object.keys(head.annotations).length === 0 || hookTypes === void 0) {
        generic.push({ name: path, content: m, head });
        continue;
      }
      const weight = parseGoAtoi(head.annotations["helm.sh/hook-weight"]);
      const events = [];
      let unknown = false;
      for (const t of hookTypes.split(",")) {
        let ev = t.trim().toLowerCase();
        if (ev === "test-success") ev = "test";
        if (!HOOK_EVENTS.includes(ev)) {
          unknown = true;
          break;
        }
        events.push(ev);
      }
      if (unknown) {
        skippedHooks.push(hookTypes);
        continue;
      }
      hooks.push({
        name: head.name,
        kind: head.kind,
        path,
        manifest: m,
        events,
        weight,
        deletePolicies: csv(head.annotations["helm.sh/hook-delete-policy"]),
        outputLogPolicies: csv(head.annotations["helm.sh/hook-output-log-policy"])
      });
    }
  }
  return {
    hooks: sortByKind(hooks, (h) => h.kind, ordering),
    manifests: sortByKind(generic, (m) => m.head.kind, ordering),
    skippedHooks
  };
}
function lineOf(e) {
  const m = /line (\d+)/.exec(e.message);
  return m ? Number(m[1]) : void 0;
}
function parseGoAtoi(s) {
  if (s === void 0 || !/^[+-]?\d+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}
function cmpBytes2(a, b) {
  if (a === b) return 0;
  const ba = Buffer.from(a), bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}
function manifestText(manifests, crds = [], hideSecret = false) {
  let b = "";
  for (const c of crds) b += `---
# Source: ${c.filename}
${Buffer.from(c.data).toString("utf8")}
`;
  for (const m of manifests) {
    const content = hideSecret && m.head.kind === "Secret" && m.head.apiVersion === "v1" ? "# HIDDEN: The Secret output has been suppressed" : m.content;
    b += `---
# Source: ${m.name}
${content}
`;
  }
  return b;
}
function helmTemplateOutput(manifest, hooks, opts = {}) {
  let out = goTrimSpace(manifest) + "\n";
  if (!opts.noHooks) {
    for (const h of hooks) {
      if (opts.skipTests && h.events.includes("test")) continue;
      out += `---
# Source: ${h.path}
${h.manifest}
`;
    }
  }
  if (!opts.showOnly || opts.showOnly.length === 0) return out;
  const docs = splitManifests(out);
  const re = /# Source: [^/]+\/(.+)/;
  let result = "";
  for (const raw of opts.showOnly) {
    const f = raw.replace(/\\/g, "/");
    let missing = true;
    for (const d of docs) {
      const m = re.exec(d);
      if (!m) continue;
      let ok = false;
      try {
        ok = goMatch(f, m[1]);
      } catch {
        ok = false;
      }
      if (!ok) continue;
      result += `---
${d}
`;
      missing = false;
    }
    if (missing) {
      throw new WerfActionError(`could not find template ${f} in chart`, {
        code: "chart.show-only",
        location: { subject: `--show-only ${f}` },
        hint: "the path is relative to the chart (e.g. templates/deployment.yaml); empty output files are not templates here"
      });
    }
  }
  return result;
}

// packages/core/src/chart/glob.ts
function compileGobwas(pattern) {
  let i = 0;
  const parse = (inAlt) => {
    let re = "";
    while (i < pattern.length) {
      const c = pattern[i];
      if (inAlt && (c === "," || c === "}")) return re;
      i++;
      if (c === "*") {
        if (pattern[i] === "*") {
          i++;
          re += ".*";
        } else re += "[^/]*";
      } else if (c === "?") re += "[^/]";
      else if (c === "\\") {
        if (i >= pattern.length) throw new Error("unexpected end of pattern");
        re += esc(pattern[i++]);
      } else if (c === "[") {
        const end = pattern.indexOf("]", i);
        if (end < 0) throw new Error("unclosed [");
        let body = pattern.slice(i, end);
        i = end + 1;
        let neg = false;
        if (body.startsWith("!")) {
          neg = true;
          body = body.slice(1);
        }
        if (body === "") throw new Error("empty range");
        re += `[${neg ? "^" : ""}${body.replace(/[\\\]^]/g, (m) => "\\" + m)}]`;
      } else if (c === "{") {
        const alts = [];
        for (; ; ) {
          alts.push(parse(true));
          if (i >= pattern.length) throw new Error("unclosed {");
          const d = pattern[i++];
          if (d === "}") break;
        }
        re += `(?:${alts.join("|")})`;
      } else re += esc(c);
    }
    if (inAlt) throw new Error("unclosed {");
    return re;
  };
  return new RegExp(`^${parse(false)}$`, "s");
}
function esc(c) {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? "\\" + c : c;
}
function globMatcher(pattern) {
  try {
    const re = compileGobwas(pattern);
    return (n) => re.test(n);
  } catch {
    return () => true;
  }
}

// packages/core/src/chart/builtins.ts
var GO_TYPE2 = /* @__PURE__ */ Symbol.for("werf-action.gotemplate.type");
var GO_METHODS2 = /* @__PURE__ */ Symbol.for("werf-action.gotemplate.methods");
function tag(v, type, methods) {
  Object.defineProperty(v, GO_TYPE2, { value: type, enumerable: false, configurable: true, writable: true });
  if (methods) Object.defineProperty(v, GO_METHODS2, { value: methods, enumerable: false, configurable: true, writable: true });
  return v;
}
function newFiles(files, toYaml2) {
  const m = {};
  for (const f of files) m[f.name] = f.data;
  return filesObject(m, toYaml2);
}
function basename3(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function filesObject(m, toYaml2) {
  const text2 = (b) => b ? Buffer.from(b).toString("utf8") : "";
  const S = "string";
  return tag(m, "engine.files", {
    Get: { params: [S], fn: (name2) => text2(m[name2]) },
    GetBytes: { params: [S], fn: (name2) => m[name2] ?? new Uint8Array(0) },
    Glob: { params: [S], fn: (pattern) => {
      const match = globMatcher(pattern);
      const out = {};
      for (const k of Object.keys(m)) if (match(k)) out[k] = m[k];
      return filesObject(out, toYaml2);
    } },
    Lines: { params: [S], fn: (path) => {
      const b = m[path];
      if (!b || b.length === 0) return tag([], "[]string");
      let s = text2(b);
      if (s.endsWith("\n")) s = s.slice(0, -1);
      return tag(s.split("\n"), "[]string");
    } },
    AsConfig: { params: [], fn: () => {
      const o = {};
      for (const k of Object.keys(m)) o[basename3(k)] = text2(m[k]);
      return toYaml2(tag(o, "map[string]string"));
    } },
    AsSecrets: { params: [], fn: () => {
      const o = {};
      for (const k of Object.keys(m)) o[basename3(k)] = Buffer.from(m[k]).toString("base64");
      return toYaml2(tag(o, "map[string]string"));
    } }
  });
}
var DEFAULT_API_VERSIONS = [
  "v1",
  "admissionregistration.k8s.io/v1",
  "admissionregistration.k8s.io/v1beta1",
  "internal.apiserver.k8s.io/v1alpha1",
  "apps/v1",
  "apps/v1beta1",
  "apps/v1beta2",
  "authentication.k8s.io/v1",
  "authentication.k8s.io/v1alpha1",
  "authentication.k8s.io/v1beta1",
  "authorization.k8s.io/v1",
  "authorization.k8s.io/v1beta1",
  "autoscaling/v1",
  "autoscaling/v2",
  "autoscaling/v2beta1",
  "autoscaling/v2beta2",
  "batch/v1",
  "batch/v1beta1",
  "certificates.k8s.io/v1",
  "certificates.k8s.io/v1beta1",
  "certificates.k8s.io/v1alpha1",
  "coordination.k8s.io/v1beta1",
  "coordination.k8s.io/v1",
  "discovery.k8s.io/v1",
  "discovery.k8s.io/v1beta1",
  "events.k8s.io/v1",
  "events.k8s.io/v1beta1",
  "extensions/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1",
  "flowcontrol.apiserver.k8s.io/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1beta2",
  "flowcontrol.apiserver.k8s.io/v1beta3",
  "networking.k8s.io/v1",
  "networking.k8s.io/v1alpha1",
  "networking.k8s.io/v1beta1",
  "node.k8s.io/v1",
  "node.k8s.io/v1alpha1",
  "node.k8s.io/v1beta1",
  "policy/v1",
  "policy/v1beta1",
  "rbac.authorization.k8s.io/v1",
  "rbac.authorization.k8s.io/v1beta1",
  "rbac.authorization.k8s.io/v1alpha1",
  "resource.k8s.io/v1alpha2",
  "scheduling.k8s.io/v1alpha1",
  "scheduling.k8s.io/v1beta1",
  "scheduling.k8s.io/v1",
  "storage.k8s.io/v1beta1",
  "storage.k8s.io/v1",
  "storage.k8s.io/v1alpha1",
  "apiextensions.k8s.io/v1beta1",
  "apiextensions.k8s.io/v1"
];
var KubeVersion = class extends GoStruct {
  constructor(version, major, minor) {
    super();
    this.version = version;
    this.major = major;
    this.minor = minor;
  }
  version;
  major;
  minor;
  goType = "chartutil.KubeVersion";
  field(name2) {
    switch (name2) {
      case "Version":
        return { ok: true, value: this.version };
      case "Major":
        return { ok: true, value: this.major };
      case "Minor":
        return { ok: true, value: this.minor };
    }
    return { ok: false };
  }
  methods() {
    return { String: { params: [], fn: () => this.version }, GitVersion: { params: [], fn: () => this.version } };
  }
  format() {
    return this.version;
  }
};
function parseKubeVersion(v) {
  const sv = parseSemver2(v);
  if (!sv) {
    throw new WerfActionError(`invalid kube version '${v}': Invalid Semantic Version`, { code: "chart.kube-version", location: { subject: `--kube-version ${v}` }, hint: "use a version like v1.28.0" });
  }
  let s = `${sv.major}.${sv.minor}.${sv.patch}`;
  if (sv.pre) s += `-${sv.pre}`;
  if (sv.build) s += `+${sv.build}`;
  return new KubeVersion(`v${s}`, String(sv.major), String(sv.minor));
}
var GoStructOf = class extends GoStruct {
  constructor(goType, fields, fmt) {
    super();
    this.goType = goType;
    this.fields = fields;
    this.fmt = fmt;
  }
  goType;
  fields;
  fmt;
  field(name2) {
    for (const [k, v] of this.fields) if (k === name2) return { ok: true, value: v };
    return { ok: false };
  }
  format() {
    if (this.fmt) return this.fmt();
    const inner = this.fields.map(([, v]) => fmtField(v)).join(" ");
    return this.goType.startsWith("*") ? `&{${inner}}` : `{${inner}}`;
  }
};
function fmtField(v) {
  if (v === null || v === void 0) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(fmtField).join(" ")}]`;
  if (v instanceof GoStruct) return v.format();
  if (typeof v === "object") {
    const o = v;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${fmtField(o[k])}`).join(" ")}]`;
  }
  return String(v);
}
function capabilities(opts = {}) {
  const kv = opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : new KubeVersion("v1.20.0", "1", "20");
  const versions = [...DEFAULT_API_VERSIONS, ...opts.apiVersions ?? []];
  const set2 = tag([...versions], "chartutil.VersionSet", {
    Has: { params: ["string"], fn: (v) => versions.includes(v) }
  });
  const helm = new GoStructOf("version.BuildInfo", [
    ["Version", opts.helmVersion ?? "v3.14.4"],
    ["GitCommit", ""],
    ["GitTreeState", ""],
    ["GoVersion", "go1.21.9"]
  ]);
  return new GoStructOf("*chartutil.Capabilities", [["APIVersions", set2], ["KubeVersion", kv], ["HelmVersion", helm]]);
}
function strs(a) {
  return a ? tag([...a], "[]string") : null;
}
function maintainer(m) {
  return new GoStructOf("*chart.Maintainer", [["Name", m.name ?? ""], ["Email", m.email ?? ""], ["URL", m.url ?? ""]]);
}
function dependency(d) {
  const iv = d["import-values"] ? d["import-values"].map((x) => typeof x === "string" ? x : tag({ child: x.child, parent: x.parent }, "map[string]string")) : null;
  return new GoStructOf("*chart.Dependency", [
    ["Name", d.name],
    ["Version", d.version ?? ""],
    ["Repository", d.repository ?? ""],
    ["Condition", d.condition ?? ""],
    ["Tags", strs(d.tags)],
    ["Enabled", d.enabled ?? false],
    ["ImportValues", iv],
    ["Alias", d.alias ?? ""]
  ]);
}
function chartObject(md, isRoot) {
  const fields = [
    ["Name", md.name],
    ["Home", md.home ?? ""],
    ["Sources", strs(md.sources)],
    ["Version", md.version],
    ["Description", md.description ?? ""],
    ["Keywords", strs(md.keywords)],
    ["Maintainers", md.maintainers ? tag(md.maintainers.map(maintainer), "[]*chart.Maintainer") : null],
    ["Icon", md.icon ?? ""],
    ["APIVersion", md.apiVersion],
    ["Condition", md.condition ?? ""],
    ["Tags", md.tags ?? ""],
    ["AppVersion", md.appVersion ?? ""],
    ["Deprecated", md.deprecated ?? false],
    ["Annotations", md.annotations ? tag({ ...md.annotations }, "map[string]string") : null],
    ["KubeVersion", md.kubeVersion ?? ""],
    ["Dependencies", md.dependencies ? tag(md.dependencies.map(dependency), "[]*chart.Dependency") : null],
    ["Type", md.type ?? ""]
  ];
  const metadata = new GoStructOf("chart.Metadata", fields);
  return new GoStructOf(
    "struct { chart.Metadata; IsRoot bool }",
    [...fields, ["Metadata", metadata], ["IsRoot", isRoot]],
    () => `{${metadata.format().replace(/^\{|\}$/g, "")} ${isRoot}}`
  );
}
function releaseObject(r) {
  const isUpgrade = r.isUpgrade ?? false;
  return {
    Name: r.name,
    Namespace: r.namespace,
    IsUpgrade: isUpgrade,
    IsInstall: r.isInstall ?? !isUpgrade,
    Revision: new GoInt(BigInt(r.revision ?? 1)),
    Service: "Helm"
  };
}
function chartValues(v) {
  return tag(v, "chartutil.Values");
}
function isLibrary(c) {
  return c.metadata.type === "library";
}

// packages/core/src/chart/values.ts
import { readFileSync as readFileSync4 } from "node:fs";

// packages/core/src/chart/strvals.ts
var MAX_INDEX = 65536;
var MAX_NESTED_NAME_LEVEL = 30;
var EOF = /* @__PURE__ */ Symbol("EOF");
var EofError = class extends Error {
  constructor() {
    super("EOF");
  }
};
var NOT_LIST = new Error("not a list");
var Scanner2 = class {
  runes;
  pos = 0;
  constructor(s) {
    this.runes = Array.from(s);
  }
  read() {
    return this.pos < this.runes.length ? this.runes[this.pos++] : EOF;
  }
  unread() {
    this.pos--;
  }
  rest() {
    return this.runes.slice(this.pos).join("");
  }
  skipChars(n) {
    const text2 = this.rest().slice(0, n);
    this.pos += Array.from(text2).length;
  }
};
function q(s) {
  return JSON.stringify(s);
}
function runesUntil(sc, stop) {
  let v = "";
  for (; ; ) {
    const r = sc.read();
    if (r === EOF) return { v, last: EOF, eof: true };
    if (stop.has(r)) return { v, last: r, eof: false };
    if (r === "\\") {
      const n = sc.read();
      if (n === EOF) return { v, last: EOF, eof: true };
      v += n;
    } else v += r;
  }
}
function typedVal(p, st) {
  if (st) return p;
  const low = p.toLowerCase();
  if (low === "true") return true;
  if (low === "false") return false;
  if (low === "null") return null;
  if (p === "0") return 0n;
  if (p.length && p[0] !== "0" && /^[+-]?\d+$/.test(p)) {
    const n = BigInt(p);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
  }
  return p;
}
function goTypeOf(v) {
  if (v === null || v === void 0) return "nil";
  if (Array.isArray(v)) return "[]interface {}";
  if (typeof v === "object") return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "bigint") return "int64";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "bool";
  return "interface {}";
}
var Parser = class {
  constructor(sc, data, reader, isJson = false) {
    this.sc = sc;
    this.data = data;
    this.reader = reader;
    this.isJson = isJson;
  }
  sc;
  data;
  reader;
  isJson;
  parse() {
    for (; ; ) {
      try {
        this.key(this.data, 0);
      } catch (e) {
        if (e instanceof EofError) return;
        throw e;
      }
    }
  }
  key(data, nested) {
    const stop = /* @__PURE__ */ new Set(["=", "[", ",", "."]);
    const { v: k, last, eof } = runesUntil(this.sc, stop);
    if (eof) {
      if (k.length === 0) throw new EofError();
      throw new Error(`key ${q(k)} has no value`);
    }
    if (last === "[") {
      let i;
      try {
        i = this.keyIndex();
      } catch (e) {
        throw new Error(`error parsing index: ${e.message}`);
      }
      let list2 = [];
      if (k in data) {
        if (!Array.isArray(data[k])) throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(data[k])}, not []interface {}`);
        list2 = data[k];
      }
      const r = this.listItem(list2, i, nested);
      set(data, k, r.list);
      if (r.err) throw r.err;
      return;
    }
    if (last === "=") {
      if (this.isJson) {
        if (this.emptyVal()) {
          set(data, k, null);
          return;
        }
        set(data, k, this.jsonValue());
        if (this.emptyVal()) {
        }
        return;
      }
      let vl;
      try {
        vl = this.valList();
      } catch (e) {
        if (e instanceof EofError) {
          set(data, k, "");
          throw e;
        }
        if (e === NOT_LIST) {
          const { v: rs } = this.val();
          set(data, k, this.reader(rs));
          return;
        }
        throw e;
      }
      set(data, k, vl);
      return;
    }
    if (last === ",") {
      set(data, k, "");
      throw new Error(`key ${q(k)} has no value (cannot end with ,)`);
    }
    nested++;
    if (nested > MAX_NESTED_NAME_LEVEL) throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    let inner = {};
    if (k in data) {
      const d = data[k];
      if (d === null || typeof d !== "object" || Array.isArray(d)) throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(d)}, not map[string]interface {}`);
      inner = d;
    }
    let err2;
    try {
      this.key(inner, nested);
    } catch (e) {
      err2 = e;
    }
    if (err2 === void 0 && Object.keys(inner).length === 0) throw new Error(`key map ${q(k)} has no value`);
    if (Object.keys(inner).length !== 0) set(data, k, inner);
    if (err2 !== void 0) throw err2;
  }
  keyIndex() {
    const { v, eof } = runesUntil(this.sc, /* @__PURE__ */ new Set(["]"]));
    if (eof) throw new EofError();
    if (!/^[+-]?\d+$/.test(v)) throw new Error(`strconv.Atoi: parsing ${q(v)}: invalid syntax`);
    return Number(v);
  }
  listItem(list2, i, nested) {
    if (i < 0) return { list: list2, err: new Error(`negative ${i} index not allowed`) };
    const { v: k, last, eof } = runesUntil(this.sc, /* @__PURE__ */ new Set(["[", ".", "="]));
    if (k.length > 0) return { list: list2, err: new Error(`unexpected data at end of array index: ${q(k)}`) };
    if (eof) return { list: list2, err: new EofError() };
    if (last === "=") {
      if (this.isJson) {
        if (this.emptyVal()) return setIndex(list2, i, null);
        const r = setIndex(list2, i, this.jsonValue());
        if (r.err) return r;
        this.emptyVal();
        return r;
      }
      try {
        const vl = this.valList();
        return setIndex(list2, i, vl);
      } catch (e) {
        if (e instanceof EofError) return setIndex(list2, i, "");
        if (e === NOT_LIST) {
          const { v: rs } = this.val();
          return setIndex(list2, i, this.reader(rs));
        }
        return { list: list2, err: e };
      }
    }
    if (last === "[") {
      let nextI;
      try {
        nextI = this.keyIndex();
      } catch (e) {
        return { list: list2, err: new Error(`error parsing index: ${e.message}`) };
      }
      let crt = [];
      if (list2.length > i && list2[i] !== null && list2[i] !== void 0) {
        if (!Array.isArray(list2[i])) return { list: list2, err: new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(list2[i])}, not []interface {}`) };
        crt = list2[i];
      }
      const r = this.listItem(crt, nextI, nested);
      if (r.err) return { list: list2, err: r.err };
      return setIndex(list2, i, r.list);
    }
    let inner = {};
    if (list2.length > i) {
      const cur = list2[i];
      if (cur !== null && typeof cur === "object" && !Array.isArray(cur)) inner = cur;
      else {
        list2[i] = inner;
      }
    }
    try {
      this.key(inner, nested);
    } catch (e) {
      return { list: list2, err: e };
    }
    return setIndex(list2, i, inner);
  }
  emptyVal() {
    for (; ; ) {
      const r = this.sc.read();
      if (r === EOF) return true;
      if (r === ",") return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }
  val() {
    const { v } = runesUntil(this.sc, /* @__PURE__ */ new Set([","]));
    return { v };
  }
  valList() {
    const r = this.sc.read();
    if (r === EOF) throw new EofError();
    if (r !== "{") {
      this.sc.unread();
      throw NOT_LIST;
    }
    const list2 = [];
    const stop = /* @__PURE__ */ new Set([",", "}"]);
    for (; ; ) {
      const { v: rs, last, eof } = runesUntil(this.sc, stop);
      if (eof) throw new Error("list must terminate with '}'");
      if (last === "}") {
        const n = this.sc.read();
        if (n !== EOF && n !== ",") this.sc.unread();
        list2.push(this.reader(rs));
        return list2;
      }
      list2.push(this.reader(rs));
    }
  }
  jsonValue() {
    const rest = this.sc.rest();
    const end = scanJsonValue(rest);
    const text2 = rest.slice(0, end);
    let v;
    try {
      v = JSON.parse(text2);
    } catch (e) {
      throw new Error(e.message);
    }
    this.sc.skipChars(end);
    return v;
  }
};
function scanJsonValue(s) {
  let i = 0;
  const ws = () => {
    while (i < s.length && /[ \t\r\n]/.test(s[i])) i++;
  };
  const fail = (what) => {
    if (i >= s.length) throw new Error("unexpected EOF");
    throw new Error(`invalid character '${s[i]}' ${what}`);
  };
  const value2 = () => {
    ws();
    const c = s[i];
    if (c === "{") {
      i++;
      ws();
      if (s[i] === "}") {
        i++;
        return;
      }
      for (; ; ) {
        ws();
        if (s[i] !== '"') fail("looking for beginning of object key string");
        str4();
        ws();
        if (s[i] !== ":") fail("after object key");
        i++;
        value2();
        ws();
        if (s[i] === ",") {
          i++;
          continue;
        }
        if (s[i] === "}") {
          i++;
          return;
        }
        fail("after object key:value pair");
      }
    } else if (c === "[") {
      i++;
      ws();
      if (s[i] === "]") {
        i++;
        return;
      }
      for (; ; ) {
        value2();
        ws();
        if (s[i] === ",") {
          i++;
          continue;
        }
        if (s[i] === "]") {
          i++;
          return;
        }
        fail("after array element");
      }
    } else if (c === '"') str4();
    else if (c !== void 0 && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m) fail("in numeric literal");
      i += m[0].length;
    } else {
      for (const lit of ["true", "false", "null"]) if (s.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
      fail("looking for beginning of value");
    }
  };
  const str4 = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === "\\") i++;
      i++;
    }
    if (i >= s.length) throw new Error("unexpected EOF");
    i++;
  };
  value2();
  return i;
}
function set(data, key, val) {
  if (key.length === 0) return;
  data[key] = val;
}
function setIndex(list2, index2, val) {
  if (index2 < 0) return { list: list2, err: new Error(`negative ${index2} index not allowed`) };
  if (index2 > MAX_INDEX) return { list: list2, err: new Error(`index of ${index2} is greater than maximum supported index of ${MAX_INDEX}`) };
  if (list2.length <= index2) {
    const n = list2.slice();
    while (n.length <= index2) n.push(null);
    list2 = n;
  }
  list2[index2] = val;
  return { list: list2 };
}
function parseSet(s, dest = {}) {
  new Parser(new Scanner2(s), dest, (rs) => typedVal(rs, false)).parse();
  return dest;
}
function parseSetString(s, dest = {}) {
  new Parser(new Scanner2(s), dest, (rs) => typedVal(rs, true)).parse();
  return dest;
}
function parseSetJSON(s, dest = {}) {
  new Parser(new Scanner2(s), dest, (rs) => typedVal(rs, false), true).parse();
  return dest;
}
function parseSetFile(s, dest, readFile7) {
  new Parser(new Scanner2(s), dest, (rs) => readFile7(rs)).parse();
  return dest;
}
function parseSetLiteral(s, dest = {}) {
  const eq2 = s.indexOf("=");
  if (eq2 < 0) throw new Error(`key ${q(s)} has no value`);
  const key = s.slice(0, eq2);
  const value2 = s.slice(eq2 + 1);
  const parts = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while (m = re.exec(key)) parts.push(m[1] !== void 0 ? m[1] : Number(m[2]));
  if (parts.length > MAX_NESTED_NAME_LEVEL) throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
  let cur = dest;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const last = i === parts.length - 1;
    const next = parts[i + 1];
    const make = () => typeof next === "number" ? [] : {};
    if (typeof p === "number") {
      const list2 = cur;
      while (list2.length <= p) list2.push(null);
      if (last) list2[p] = value2;
      else {
        if (list2[p] === null || typeof list2[p] !== "object") list2[p] = make();
        cur = list2[p];
      }
    } else {
      const obj = cur;
      if (last) obj[p] = value2;
      else {
        if (obj[p] === null || typeof obj[p] !== "object") obj[p] = make();
        cur = obj[p];
      }
    }
  }
  return dest;
}

// packages/core/src/chart/values.ts
function fmtV(v) {
  if (v === null || v === void 0) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(fmtV).join(" ")}]`;
  if (isTable(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${fmtV(v[k])}`).join(" ")}]`;
  return String(v);
}
function concatPrefix(a, b) {
  return a === "" ? b : `${a}.${b}`;
}
function coalesceValues(chart, user, warn = () => {
}) {
  return coalesce(warn, chart, deepCopy2(user ?? {}), "", false);
}
function mergeValues(chart, user, warn = () => {
}) {
  return coalesce(warn, chart, deepCopy2(user ?? {}), "", true);
}
function coalesce(warn, ch, dest, prefix, merge) {
  coalesceChartValues(warn, ch, dest, prefix, merge);
  return coalesceDeps(warn, ch, dest, prefix, merge);
}
function coalesceDeps(warn, ch, dest, prefix, merge) {
  for (const sub of ch.dependencies) {
    const name2 = sub.metadata.name;
    if (!(name2 in dest)) dest[name2] = {};
    else if (!isTable(dest[name2])) {
      throw new WerfActionError(`type mismatch on ${name2}: %!t(${goTypeName(dest[name2])}=${fmtV(dest[name2])})`, {
        code: "values.type-mismatch",
        location: { subject: `values.${name2}` },
        hint: `"${name2}" is a subchart: its values must be a map`
      });
    }
    const dv = dest[name2];
    const subPrefix = concatPrefix(prefix, ch.metadata.name);
    coalesceGlobals(warn, dv, dest, subPrefix);
    dest[name2] = coalesce(warn, sub, dv, subPrefix, merge);
  }
  return dest;
}
function goTypeName(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "float64";
  if (typeof v === "bigint") return "int64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "[]interface {}";
  return "interface {}";
}
function coalesceGlobals(warn, dest, src, prefix) {
  let dg;
  let sg;
  if (!("global" in dest)) dg = {};
  else if (isTable(dest.global)) dg = dest.global;
  else {
    warn("warning: skipping globals because destination global is not a table.");
    return;
  }
  if (!("global" in src)) sg = {};
  else if (isTable(src.global)) sg = src.global;
  else {
    warn("warning: skipping globals because source global is not a table.");
    return;
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isTable(val)) {
      const vv = { ...val };
      if (!(key in dg)) dg[key] = vv;
      else {
        const destv = dg[key];
        if (!isTable(destv)) warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
        else {
          coalesceTablesFullKey(warn, vv, destv, concatPrefix(prefix, key), true);
          dg[key] = vv;
        }
      }
    } else if (key in dg && isTable(dg[key])) {
      warn(`key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
    }
  }
  dest.global = dg;
}
function coalesceChartValues(warn, c, v, prefix, merge) {
  const subPrefix = concatPrefix(prefix, c.metadata.name);
  const vc = deepCopy2(c.values);
  for (const key of Object.keys(vc)) {
    const val = vc[key];
    if (key in v) {
      const value2 = v[key];
      if (value2 === null && !merge) {
        delete v[key];
      } else if (isTable(value2)) {
        if (!isTable(val)) {
          if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          const m = c.dependencies.some((d) => d.metadata.name === key) ? true : merge;
          coalesceTablesFullKey(warn, value2, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      v[key] = val;
    }
  }
}
function coalesceTables(dst, src, warn = () => {
}) {
  return coalesceTablesFullKey(warn, dst, src, "", false);
}
function mergeTables(dst, src, warn = () => {
}) {
  return coalesceTablesFullKey(warn, dst, src, "", true);
}
function coalesceTablesFullKey(warn, dst, src, prefix, merge) {
  if (!src) return dst;
  if (!dst) return src;
  for (const key of Object.keys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const has = key in dst;
    const dv = dst[key];
    if (has && !merge && dv === null) delete dst[key];
    else if (!has) dst[key] = val;
    else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(warn, dv, val, fullkey, merge);
      else warn(`warning: cannot overwrite table with non table for ${fullkey} (${fmtV(val)})`);
    } else if (isTable(dv) && val !== null) {
      warn(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${fmtV(val)})`);
    }
  }
  return dst;
}
function mergeMaps2(a, b) {
  const out = { ...a };
  for (const k of Object.keys(b)) {
    const v = b[k];
    if (isTable(v) && isTable(out[k])) out[k] = mergeMaps2(out[k], v);
    else out[k] = v;
  }
  return out;
}
function userValues(opts) {
  const read = opts.readFile ?? ((p) => readFileSync4(resolvePath(opts.cwd, p), "utf8"));
  let base = {};
  for (const f of opts.valueFiles ?? []) {
    const { name: name2, text: text2 } = typeof f === "string" ? { name: f, text: readOrFail(read, f) } : f;
    let current;
    try {
      current = parseYamlMap(text2);
    } catch (e) {
      throw new WerfActionError(`failed to parse ${name2}: error converting YAML to JSON: ${e.message}`, {
        code: "values.parse",
        location: { file: name2, line: e.line }
      });
    }
    base = mergeMaps2(base, current);
  }
  if (opts.afterFiles) base = mergeMaps2(base, opts.afterFiles);
  const wrap = (flag, s, fn) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof WerfActionError) throw e;
      throw new WerfActionError(`failed parsing ${flag} data: ${e.message}`, { code: "values.set", location: { subject: `${flag} ${s}` } });
    }
  };
  for (const s of opts.jsonValues ?? []) wrap("--set-json", s, () => parseSetJSON(s, base));
  for (const s of opts.values ?? []) wrap("--set", s, () => parseSet(s, base));
  for (const s of opts.stringValues ?? []) wrap("--set-string", s, () => parseSetString(s, base));
  for (const s of opts.fileValues ?? []) wrap("--set-file", s, () => parseSetFile(s, base, (p) => readOrFail(read, p)));
  for (const s of opts.literalValues ?? []) wrap("--set-literal", s, () => parseSetLiteral(s, base));
  return base;
}
function readOrFail(read, p) {
  try {
    return read(p);
  } catch (e) {
    throw new WerfActionError(`open ${p}: no such file or directory`, { code: "values.read", location: { file: p }, cause: e });
  }
}
function resolvePath(cwd, p) {
  return cwd && !p.startsWith("/") ? `${cwd}/${p}` : p;
}

// packages/core/src/chart/dependencies.ts
function cloneChart(c, parent) {
  const out = {
    ...c,
    metadata: { ...c.metadata, dependencies: c.metadata.dependencies?.map((d) => ({ ...d, tags: d.tags ? [...d.tags] : void 0 })) },
    values: c.values,
    parent,
    dependencies: []
  };
  out.dependencies = c.dependencies.map((d) => cloneChart(d, out));
  return out;
}
function checkDependencies(c) {
  const missing = [];
  for (const r of c.metadata.dependencies ?? []) {
    if (!c.dependencies.some((d) => d.metadata.name === r.name)) missing.push(r.name);
  }
  if (missing.length) {
    throw new WerfActionError(`found in Chart.yaml, but missing in charts/ directory: ${missing.join(", ")}`, {
      code: "chart.missing-dependency",
      location: { file: `${c.source}/Chart.yaml` },
      hint: "put the dependency charts (folders or .tgz) into charts/ (`helm dependency build` does that)"
    });
  }
}
function parsePath(key) {
  return key.split(".");
}
function table(v, path) {
  if (path === "") return v;
  let cur = v;
  for (const k of parsePath(path)) {
    if (!isTable(cur) || !(k in cur)) return void 0;
    cur = cur[k];
  }
  return isTable(cur) ? cur : void 0;
}
function pathValue(v, path) {
  const parts = parsePath(path);
  if (parts.length === 1) {
    const k = parts[0];
    return k in v && !isTable(v[k]) ? { value: v[k] } : void 0;
  }
  const key = parts.pop();
  const t = table(v, parts.join("."));
  if (!t) return void 0;
  return key in t && !isTable(t[key]) ? { value: t[key] } : void 0;
}
function processTags(reqs, cvals, warn) {
  const vt = table(cvals, "tags");
  if (!vt) return;
  for (const r of reqs) {
    let hasTrue = false, hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!(k in vt)) continue;
      const b = vt[k];
      if (typeof b === "boolean") {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else warn(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else r.enabled = true;
  }
}
function processConditions(reqs, cvals, cpath, warn) {
  for (const r of reqs) {
    for (const c of (r.condition ?? "").trim().split(",")) {
      if (c.length === 0) continue;
      const pv = pathValue(cvals, cpath + c);
      if (!pv) continue;
      if (typeof pv.value === "boolean") {
        r.enabled = pv.value;
        break;
      }
      warn(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}
function aliasDependency(charts, dep, parent) {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (dep.version && !satisfies(c.metadata.version, dep.version)) continue;
    const out = cloneChart(c, parent);
    if (dep.alias) out.metadata.name = dep.alias;
    return out;
  }
  return void 0;
}
function processEnabled(c, v, path, warn) {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  const deps = [];
  loop: for (const existing of c.dependencies) {
    for (const req of reqs) {
      if (existing.metadata.name === req.name && (!req.version || satisfies(existing.metadata.version, req.version))) continue loop;
    }
    deps.push(existing);
  }
  for (const req of reqs) {
    const d = aliasDependency(c.dependencies, req, c);
    if (d) deps.push(d);
    if (req.alias) req.name = req.alias;
  }
  c.dependencies = deps;
  for (const r of reqs) r.enabled = true;
  const cvals = coalesceValues(c, v, warn);
  processTags(reqs, cvals, warn);
  processConditions(reqs, cvals, path, warn);
  const rm4 = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((d) => !rm4.has(d.metadata.name));
  const md = reqs.filter((r) => !rm4.has(r.name));
  for (const t of cd) processEnabled(t, cvals, `${path}${t.metadata.name}.`, warn);
  c.metadata.dependencies = md;
  c.dependencies = cd;
}
function pathToMap(path, data) {
  if (path === ".") return data;
  const parts = parsePath(path);
  const out = {};
  let cur = out;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) cur[p] = data;
    else {
      const n = {};
      cur[p] = n;
      cur = n;
    }
  });
  return out;
}
function processImportValues(c, merge, warn) {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  let cvals = merge ? mergeValues(c, {}, warn) : coalesceValues(c, {}, warn);
  let b = {};
  for (const r of reqs) {
    const outiv = [];
    for (const riv of r["import-values"] ?? []) {
      if (typeof riv === "string") {
        const child = `exports.${riv}`;
        outiv.push({ child, parent: "." });
        const vm = table(cvals, `${r.name}.${child}`);
        if (!vm) {
          warn(`Warning: ImportValues missing table: no table named "${child}"`);
          continue;
        }
        b = merge ? mergeTables(b, deepCopy2(vm), warn) : coalesceTables(b, deepCopy2(vm), warn);
      } else {
        outiv.push({ child: riv.child, parent: riv.parent });
        const vv = table(cvals, `${r.name}.${riv.child}`);
        if (!vv) {
          warn(`Warning: ImportValues missing table from chart ${r.name}: no table named "${riv.child}"`);
          continue;
        }
        const m = pathToMap(riv.parent, deepCopy2(vv));
        b = merge ? mergeTables(b, m, warn) : coalesceTables(b, m, warn);
      }
    }
    if (r["import-values"]) r["import-values"] = outiv;
  }
  if (merge) {
    cvals = deepCopy2(cvals);
    c.values = mergeTables(cvals, b, warn);
  } else {
    cvals = trimNil(cvals);
    c.values = coalesceTables(cvals, b, warn);
  }
}
function trimNil(v) {
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null) continue;
    out[k] = isTable(x) ? trimNil(x) : x;
  }
  return out;
}
function processImports(c, merge, warn) {
  for (const d of c.dependencies) processImports(d, merge, warn);
  processImportValues(c, merge, warn);
}
function processDependencies(chart, userValues2, warn = () => {
}, merge = true) {
  processEnabled(chart, userValues2, "", warn);
  processImports(chart, merge, warn);
}

// packages/core/src/chart/types.ts
function chartFullPath(c) {
  return c.parent ? `${chartFullPath(c.parent)}/charts/${c.metadata.name}` : c.metadata.name;
}

// packages/core/src/chart/engine.ts
var ERR_START = "HELM_ERR_START";
var MAX_INCLUDE_NESTING = 300;
var ERR_END = "HELM_ERR_END";
var WARN_RE = new RegExp(`${ERR_START}([\\s\\S]*)${ERR_END}`);
function recAllTpls(c, templates, parentVals, toYaml2) {
  const subcharts = {};
  let values = chartValues({});
  if (!c.parent) values = parentVals.Values;
  else if (isTable(parentVals.Values) && isTable(parentVals.Values[c.metadata.name])) values = chartValues(parentVals.Values[c.metadata.name]);
  const next = {
    Chart: chartObject(c.metadata, !c.parent),
    Files: newFiles(c.files, toYaml2),
    Release: parentVals.Release,
    Capabilities: parentVals.Capabilities,
    Values: values,
    Subcharts: subcharts
  };
  for (const child of c.dependencies) {
    subcharts[child.metadata.name] = recAllTpls(child, templates, next, toYaml2);
  }
  const id = chartFullPath(c);
  for (const t of c.templates) {
    if (isLibrary(c) && !t.name.slice(t.name.lastIndexOf("/") + 1).startsWith("_")) continue;
    templates.set(`${id}/${t.name}`, { tpl: Buffer.from(t.data).toString("utf8"), vals: next, basePath: `${id}/templates` });
  }
  return next;
}
function sortTemplates(names) {
  return [...names].sort((a, b) => {
    const da = a.split("/").length, db = b.split("/").length;
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}
function cleanupParseError(filename, e) {
  const tokens = e.message.split(": ");
  const msg = tokens.length === 1 ? `parse error in (${filename}): ${e.message}` : `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
  const loc = tokens.length > 1 ? /^(.*?):(\d+)(?::(\d+))?$/.exec(tokens[1]) : null;
  return new WerfActionError(msg, {
    code: "chart.template-parse",
    location: { file: loc?.[1] ?? filename, line: loc ? Number(loc[2]) : void 0, column: loc?.[3] ? Number(loc[3]) : void 0 }
  });
}
function reformatExecError(filename, e) {
  const text2 = e.message;
  const tokens = splitN(text2, ": ", 3);
  let msg;
  if (tokens.length !== 3) msg = `execution error in (${filename}): ${text2}`;
  else {
    const m = WARN_RE.exec(tokens[2]);
    msg = m ? `execution error at (${tokens[1]}): ${m[1]}` : text2.replace(new RegExp(`${ERR_START}|${ERR_END}`, "g"), "");
  }
  const locTok = tokens.length === 3 ? tokens[1] : "";
  const loc = /^(.*?):(\d+)(?::(\d+))?$/.exec(locTok);
  const expr = /executing "[^"]*" at <(.*?)>:/.exec(text2)?.[1];
  return new WerfActionError(msg, {
    code: "chart.template-exec",
    location: { file: loc?.[1] ?? filename, line: loc ? Number(loc[2]) : void 0, column: loc?.[3] ? Number(loc[3]) : void 0, subject: expr ? `{{ ${expr} }}` : void 0 }
  });
}
function splitN(s, sep, n) {
  const out = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}
function renderChartTemplates(chart, top, opts = {}) {
  const missingKey = opts.strict ? "error" : "zero";
  const t = new Templates({ missingKey, maxIncludeDepth: 1010 });
  const stack = [t];
  const includedNames = /* @__PURE__ */ new Map();
  const current = () => stack[stack.length - 1];
  const toYaml2 = (v) => toYaml(v);
  let depth = 0;
  const include = (name2, data) => {
    const n = includedNames.get(name2) ?? 0;
    if (n > 1e3 || depth >= MAX_INCLUDE_NESTING) throw new Error(`rendering template has a nested reference name: ${name2}: unable to execute template`);
    includedNames.set(name2, n + 1);
    depth++;
    try {
      return current().execute(name2, data === null ? void 0 : data, "gotpl", depth);
    } catch (e) {
      if (e instanceof RangeError || e instanceof Error && /exceeded maximum template depth/.test(e.message) && !e.message.includes("error calling")) {
        throw new Error(`rendering template has a nested reference name: ${name2}: unable to execute template`);
      }
      throw e;
    } finally {
      depth--;
      includedNames.set(name2, (includedNames.get(name2) ?? 1) - 1);
    }
  };
  const tpl = (text2, vals) => {
    const clone = current().clone({ missingKey });
    try {
      clone.parse("gotpl", text2);
    } catch (e) {
      throw new Error(`cannot parse template ${JSON.stringify(text2)}: ${e.message}`);
    }
    stack.push(clone);
    depth++;
    try {
      return clone.execute("gotpl", vals === null ? void 0 : vals, "gotpl", depth).replaceAll("<no value>", "");
    } catch (e) {
      throw new Error(`error during tpl function execution for ${JSON.stringify(text2)}: ${e.message}`);
    } finally {
      depth--;
      stack.pop();
    }
  };
  const required = (warn, val) => {
    if (val === null || val === void 0 || val === "") {
      if (opts.lintMode) return "";
      throw new Error(`${ERR_START}${warn}${ERR_END}`);
    }
    return val;
  };
  const fail = (msg) => {
    if (opts.lintMode) return "";
    throw new Error(`${ERR_START}${msg}${ERR_END}`);
  };
  const S = "string", A = "any";
  t.addFuncs(helmStaticFuncs(), true);
  t.addFuncs({
    include: { params: [S, A], fn: include },
    tpl: { params: [S, A], fn: tpl },
    required: { params: [S, A], fn: required },
    fail: { params: [S], fn: fail },
    lookup: { params: [S, S, S, S], fn: (apiVersion, kind, ns, name2) => tag(opts.lookup ? opts.lookup(apiVersion, kind, ns, name2) : {}, "map[string]interface {}") },
    getHostByName: { params: [S], fn: () => "" }
  }, true);
  if (opts.funcs) t.addFuncs(opts.funcs);
  const templates = /* @__PURE__ */ new Map();
  recAllTpls(chart, templates, { Values: top.Values, Release: top.Release, Capabilities: top.Capabilities }, toYaml2);
  const keys = sortTemplates([...templates.keys()]);
  for (const filename of keys) {
    try {
      t.parse(filename, templates.get(filename).tpl);
    } catch (e) {
      if (e instanceof TemplateError || e instanceof Error) throw cleanupParseError(filename, e);
      throw e;
    }
  }
  const rendered = {};
  for (const filename of keys) {
    if (filename.slice(filename.lastIndexOf("/") + 1).startsWith("_")) continue;
    const r = templates.get(filename);
    r.vals.Template = chartValues({ Name: filename, BasePath: r.basePath });
    let out;
    try {
      out = t.execute(filename, r.vals);
    } catch (e) {
      if (e instanceof Error) throw reformatExecError(filename, e);
      throw e;
    }
    rendered[filename] = out.replaceAll("<no value>", "");
  }
  return rendered;
}

// packages/core/src/chart/schema.ts
function jsonType(v) {
  if (v === null || v === void 0) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "bigint") return "integer";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return "object";
}
function toJson(v) {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (isTable(v)) {
    const o = {};
    for (const k of Object.keys(v)) o[k] = toJson(v[k]);
    return o;
  }
  return v;
}
function num2(v) {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : void 0;
}
function fmtNum(n) {
  return String(n);
}
function fmtVal(v) {
  return JSON.stringify(v);
}
function deepEqual2(a, b) {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual2(x, b[i]));
  if (isTable(a) && isTable(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual2(a[k], b[k]));
  }
  return false;
}
var FORMATS = {
  email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  ipv4: (s) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s),
  ipv6: (s) => /^[0-9a-fA-F:.]+$/.test(s) && s.includes(":"),
  "date-time": (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  time: (s) => /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/.test(s),
  hostname: (s) => /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(s),
  uri: (s) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s),
  regex: (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }
};
var Validator = class {
  constructor(root) {
    this.root = root;
  }
  root;
  errors = [];
  resolve(ref) {
    if (!ref.startsWith("#")) throw new Error(`unsupported $ref ${ref}`);
    let cur = this.root;
    for (const raw of ref.slice(1).split("/").filter(Boolean)) {
      const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isTable(cur) && !Array.isArray(cur)) throw new Error(`invalid $ref ${ref}`);
      cur = cur[part];
    }
    if (cur === void 0) throw new Error(`invalid $ref ${ref}`);
    return cur;
  }
  validate(s, v, path, out) {
    if (s === true) return;
    const field = path.length ? path.join(".") : "(root)";
    const err2 = (description) => out.push({ field, description });
    if (s === false) {
      err2("False always fails validation");
      return;
    }
    if (typeof s.$ref === "string") {
      this.validate(this.resolve(s.$ref), v, path, out);
      return;
    }
    const t = jsonType(v);
    if (s.type !== void 0) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      const ok = types.some((x) => x === t || x === "number" && t === "integer");
      if (!ok) {
        err2(`Invalid type. Expected: ${types.join(", ")}, given: ${t}`);
        return;
      }
    }
    const sub = (schema) => {
      const o = [];
      this.validate(schema, v, path, o);
      return o;
    };
    if (Array.isArray(s.anyOf) && !s.anyOf.some((x) => sub(x).length === 0)) err2("Must validate at least one schema (anyOf)");
    if (Array.isArray(s.oneOf)) {
      const n = s.oneOf.filter((x) => sub(x).length === 0).length;
      if (n !== 1) err2("Must validate one and only one schema (oneOf)");
    }
    if (Array.isArray(s.allOf)) {
      let failed = false;
      for (const x of s.allOf) {
        const e = sub(x);
        if (e.length) {
          failed = true;
          out.push(...e);
        }
      }
      if (failed) err2("Must validate all the schemas (allOf)");
    }
    if (s.not !== void 0 && sub(s.not).length === 0) err2("Must not validate the schema (not)");
    if (s.if !== void 0) {
      if (sub(s.if).length === 0) {
        if (s.then !== void 0) {
          const e = sub(s.then);
          if (e.length) {
            out.push(...e);
            err2('Must validate "then" as "if" was valid');
          }
        }
      } else if (s.else !== void 0) {
        const e = sub(s.else);
        if (e.length) {
          out.push(...e);
          err2('Must validate "else" as "if" was not valid');
        }
      }
    }
    if (s.const !== void 0 && !deepEqual2(s.const, v)) err2(`${field} does not match: ${fmtVal(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.some((x) => deepEqual2(x, v))) {
      err2(`${field} must be one of the following: ${s.enum.map(fmtVal).join(", ")}`);
    }
    if (t === "object") this.object(s, v, path, out, err2);
    else if (t === "array") this.array(s, v, path, out, err2);
    else if (t === "string") this.string(s, v, err2);
    else if (t === "number" || t === "integer") this.number(s, num2(v), err2);
  }
  object(s, v, path, out, err2) {
    const keys = Object.keys(v);
    if (typeof s.maxProperties === "number" && keys.length > s.maxProperties) err2(`Must have at most ${s.maxProperties} properties`);
    if (typeof s.minProperties === "number" && keys.length < s.minProperties) err2(`Must have at least ${s.minProperties} properties`);
    if (Array.isArray(s.required)) {
      for (const r of s.required) if (!(r in v)) err2(`${r} is required`);
    }
    const props = isTable(s.properties) ? s.properties : {};
    const patterns = isTable(s.patternProperties) ? Object.entries(s.patternProperties).map(([p, sc]) => [new RegExp(p, "u"), sc]) : [];
    for (const k of keys.sort()) {
      let matched = false;
      if (k in props) {
        matched = true;
        this.validate(props[k], v[k], [...path, k], out);
      }
      for (const [re, sc] of patterns) if (re.test(k)) {
        matched = true;
        this.validate(sc, v[k], [...path, k], out);
      }
      if (!matched && s.additionalProperties !== void 0) {
        if (s.additionalProperties === false) err2(`Additional property ${k} is not allowed`);
        else if (isTable(s.additionalProperties)) this.validate(s.additionalProperties, v[k], [...path, k], out);
      }
      if (s.propertyNames !== void 0) {
        const e = [];
        this.validate(s.propertyNames, k, [...path, k], e);
        if (e.length) err2(`Property "${k}" does not match pattern`);
      }
    }
    if (isTable(s.dependencies)) {
      for (const [k, dep] of Object.entries(s.dependencies)) {
        if (!(k in v)) continue;
        if (Array.isArray(dep)) {
          for (const d of dep) if (!(d in v)) err2(`Has a dependency on ${d}`);
        } else this.validate(dep, v, path, out);
      }
    }
  }
  array(s, v, path, out, err2) {
    if (typeof s.minItems === "number" && v.length < s.minItems) err2(`Array must have at least ${s.minItems} items`);
    if (typeof s.maxItems === "number" && v.length > s.maxItems) err2(`Array must have at most ${s.maxItems} items`);
    if (s.uniqueItems === true) {
      outer: for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) {
        if (deepEqual2(v[i], v[j])) {
          err2(`array items[${i},${j}] must be unique`);
          break outer;
        }
      }
    }
    if (Array.isArray(s.items)) {
      v.forEach((x, i) => {
        const items = s.items;
        if (i < items.length) this.validate(items[i], x, [...path, String(i)], out);
        else if (s.additionalItems === false) err2(`No additional items allowed on array`);
        else if (isTable(s.additionalItems)) this.validate(s.additionalItems, x, [...path, String(i)], out);
      });
    } else if (s.items !== void 0) {
      v.forEach((x, i) => this.validate(s.items, x, [...path, String(i)], out));
    }
    if (s.contains !== void 0 && !v.some((x) => {
      const e = [];
      this.validate(s.contains, x, path, e);
      return e.length === 0;
    })) {
      err2("At least one of the items must match");
    }
  }
  string(s, v, err2) {
    const len2 = Array.from(v).length;
    if (typeof s.minLength === "number" && len2 < s.minLength) err2(`String length must be greater than or equal to ${s.minLength}`);
    if (typeof s.maxLength === "number" && len2 > s.maxLength) err2(`String length must be less than or equal to ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v)) err2(`Does not match pattern '${s.pattern}'`);
    if (typeof s.format === "string" && FORMATS[s.format] && !FORMATS[s.format](v)) err2(`Does not match format '${s.format}'`);
  }
  number(s, n, err2) {
    if (typeof s.multipleOf === "number") {
      const q2 = n / s.multipleOf;
      if (Math.abs(q2 - Math.round(q2)) > 1e-9) err2(`Must be a multiple of ${fmtNum(s.multipleOf)}`);
    }
    if (typeof s.maximum === "number") {
      if (s.exclusiveMaximum === true ? n >= s.maximum : n > s.maximum) err2(s.exclusiveMaximum === true ? `Must be less than ${fmtNum(s.maximum)}` : `Must be less than or equal to ${fmtNum(s.maximum)}`);
    }
    if (typeof s.exclusiveMaximum === "number" && n >= s.exclusiveMaximum) err2(`Must be less than ${fmtNum(s.exclusiveMaximum)}`);
    if (typeof s.minimum === "number") {
      if (s.exclusiveMinimum === true ? n <= s.minimum : n < s.minimum) err2(s.exclusiveMinimum === true ? `Must be greater than ${fmtNum(s.minimum)}` : `Must be greater than or equal to ${fmtNum(s.minimum)}`);
    }
    if (typeof s.exclusiveMinimum === "number" && n <= s.exclusiveMinimum) err2(`Must be greater than ${fmtNum(s.exclusiveMinimum)}`);
  }
};
function validateAgainstSingleSchema(values, schemaJson) {
  const text2 = typeof schemaJson === "string" ? schemaJson : Buffer.from(schemaJson).toString("utf8");
  let schema;
  try {
    schema = JSON.parse(text2);
  } catch (e) {
    throw new Error(`unable to validate schema: ${e.message}`);
  }
  const v = new Validator(schema);
  const out = [];
  v.validate(schema, toJson(values), [], out);
  return out.map((e) => `- ${e.field}: ${e.description}
`).join("");
}
function schemaViolations(chart, values) {
  let sb = "";
  if (chart.schema) {
    let msg;
    try {
      msg = validateAgainstSingleSchema(values, chart.schema);
    } catch (e) {
      msg = `${e.message}
`;
    }
    if (msg) sb += `${chart.metadata.name}:
${msg}`;
  }
  for (const sub of chart.dependencies) {
    const sv = values[sub.metadata.name];
    if (!isTable(sv)) {
      sb += `${sub.metadata.name}:
invalid type for values: expected object (map), got ${jsonType(sv)}
`;
      continue;
    }
    sb += schemaViolations(sub, sv);
  }
  return sb;
}
function validateValues(chart, values) {
  const msg = schemaViolations(chart, values);
  if (msg) {
    throw new WerfActionError(`values don't meet the specifications of the schema(s) in the following chart(s):
${msg}`, {
      code: "values.schema",
      location: { file: `${chart.source}/values.schema.json` },
      hint: "fix the values (or the schema); --skip-schema-validation skips this check"
    });
  }
}

// packages/core/src/chart/render.ts
var RELEASE_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function validateReleaseName(name2) {
  if (name2 === "" || name2.length > 53 || !RELEASE_NAME_RE.test(name2)) {
    throw new WerfActionError(`release name "${name2}": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`, {
      code: "chart.release-name",
      location: { subject: name2 }
    });
  }
}
function crdObjects(c) {
  const out = [];
  for (const f of c.files) {
    if (f.name.startsWith("crds/") && /\.(ya?ml|json)$/i.test(f.name)) out.push({ filename: `${chartFullPath(c)}/${f.name}`, data: f.data });
  }
  for (const d of c.dependencies) out.push(...crdObjects(d));
  return out;
}
function renderChartFiles(loaded, opts = {}) {
  const warn = opts.warn ?? (() => {
  });
  if (loaded.metadata.type && loaded.metadata.type !== "application") {
    throw new WerfActionError(`${loaded.metadata.type} charts are not installable`, {
      code: "chart.not-installable",
      location: { file: `${loaded.source}/Chart.yaml` },
      hint: "a library chart is used as a dependency of an application chart"
    });
  }
  if (loaded.metadata.deprecated) warn("This chart is deprecated");
  try {
    checkDependencies(loaded);
  } catch (e) {
    if (e instanceof WerfActionError) {
      throw new WerfActionError(`An error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: ${e.message}`, { code: e.code, location: e.location, hint: e.hint });
    }
    throw e;
  }
  const chart = cloneChart(loaded);
  const user = opts.values ?? {};
  processDependencies(chart, user, warn);
  const caps = capabilities(opts.capabilities);
  const kv = opts.capabilities?.kubeVersion ? parseKubeVersion(opts.capabilities.kubeVersion).version : "v1.20.0";
  if (chart.metadata.kubeVersion && !satisfies(kv, chart.metadata.kubeVersion)) {
    throw new WerfActionError(`chart requires kubeVersion: ${chart.metadata.kubeVersion} which is incompatible with Kubernetes ${kv}`, {
      code: "chart.kube-version",
      location: { file: `${loaded.source}/Chart.yaml` },
      hint: "pass --kube-version for the cluster you target"
    });
  }
  const values = chartValues(coalesceValues(chart, user, warn));
  if (!opts.skipSchemaValidation) validateValues(chart, values);
  const release = releaseObject({ name: opts.release?.name ?? "release-name", namespace: opts.release?.namespace ?? "default", ...opts.release });
  const top = { Values: values, Release: release, Capabilities: caps };
  const files = renderChartTemplates(chart, top, {
    strict: opts.strict,
    lookup: opts.lookup,
    funcs: opts.funcs
  });
  return { chart, values, files, top };
}
function renderChart(loaded, opts = {}) {
  const warn = opts.warn ?? (() => {
  });
  const { chart, values, files, top } = renderChartFiles(loaded, opts);
  const notesKey = `${chart.metadata.name}/templates/NOTES.txt`;
  const rest = {};
  let notes = "";
  for (const k of Object.keys(files).sort()) {
    if (k.endsWith("NOTES.txt")) {
      if (k === notesKey || opts.subchartNotes) notes += (notes ? "\n" : "") + files[k];
      continue;
    }
    rest[k] = files[k];
  }
  const sorted = sortManifests(rest);
  for (const h of sorted.skippedHooks) warn(`info: skipping unknown hook: ${JSON.stringify(h)}`);
  return {
    chart,
    values,
    files,
    manifests: sorted.manifests,
    hooks: sorted.hooks,
    notes,
    crds: crdObjects(chart),
    manifest: manifestText(sorted.manifests),
    top
  };
}

// packages/core/src/chart/secrets.ts
var import_yaml15 = __toESM(require_dist(), 1);
import { createCipheriv as createCipheriv2, createDecipheriv as createDecipheriv2, randomBytes as randomBytes4 } from "node:crypto";
import { readFileSync as readFileSync5 } from "node:fs";
import { join as join10 } from "node:path";
var VERSION_CBC = 16;
var VERSION_GCM = 2;
function generateSecretKey() {
  return randomBytes4(16).toString("hex");
}
function keyBytes(key) {
  const k = key.trim();
  if (!/^[0-9a-fA-F]*$/.test(k) || k.length % 2 !== 0) {
    throw new WerfActionError("encoding/hex: invalid byte in the secret key", { code: "secret.bad-key", hint: "a secret key is hex (what `helm secret generate-secret-key` prints)" });
  }
  const b = Buffer.from(k, "hex");
  if (![16, 24, 32].includes(b.length)) {
    throw new WerfActionError(`crypto/aes: invalid key size ${b.length}`, { code: "secret.bad-key", hint: "the key must be 32, 48 or 64 hex characters" });
  }
  return b;
}
function algo(key, mode) {
  return `aes-${key.length * 8}-${mode}`;
}
function encryptData(key, data, format = "cbc") {
  const k = keyBytes(key);
  const plain = typeof data === "string" ? Buffer.from(data) : Buffer.from(data);
  const head = Buffer.alloc(2);
  if (format === "gcm") {
    head.writeUInt16LE(VERSION_GCM);
    const nonce = randomBytes4(12);
    const c2 = createCipheriv2(algo(k, "gcm"), k, nonce);
    const body = Buffer.concat([c2.update(plain), c2.final(), c2.getAuthTag()]);
    return Buffer.concat([head, nonce, body]).toString("hex");
  }
  head.writeUInt16LE(VERSION_CBC);
  const iv = randomBytes4(16);
  const c = createCipheriv2(algo(k, "cbc"), k, iv);
  return Buffer.concat([head, iv, c.update(plain), c.final()]).toString("hex");
}
function extractError(data, message) {
  return new WerfActionError(`decryption failed: check data \`${data}\`: ${message}`, {
    code: "secret.bad-data",
    hint: "the value is not something werf encrypted (hex starting with 1000)"
  });
}
function decryptData(key, hex) {
  const k = keyBytes(key);
  const text2 = hex.trim();
  if (text2.length === 0) return Buffer.alloc(0);
  if (text2.length % 2 !== 0) throw extractError(text2, "encoding/hex: odd length hex string");
  if (!/^[0-9a-fA-F]*$/.test(text2)) throw extractError(text2, "encoding/hex: invalid byte");
  const raw = Buffer.from(text2, "hex");
  if (raw.length < 2) throw extractError(text2, `minimum required data length: '${(2 + 32) * 2}'`);
  const version = raw.readUInt16LE(0);
  const wrongKey = () => new WerfActionError("decryption failed: check encryption key and data: inconsistent data, unpad failed", {
    code: "secret.wrong-key",
    hint: "the secret key (WERF_SECRET_KEY, .werf_secret_key or ~/.werf/global_secret_key) is not the one the data was encrypted with"
  });
  if (version === VERSION_CBC) {
    if (raw.length < 2 + 32) throw extractError(text2, `minimum required data length: '${(2 + 32) * 2}'`);
    const iv = raw.subarray(2, 18);
    const body = raw.subarray(18);
    if (body.length % 16 !== 0) throw new WerfActionError("decryption failed: check encryption key and data: data isn't a multiple of the block size", { code: "secret.bad-data" });
    const d = createDecipheriv2(algo(k, "cbc"), k, iv);
    d.setAutoPadding(false);
    const plain = Buffer.concat([d.update(body), d.final()]);
    const pad2 = plain[plain.length - 1];
    if (pad2 === 0 || pad2 > 16 || pad2 > plain.length) throw wrongKey();
    for (let i = plain.length - pad2; i < plain.length; i++) if (plain[i] !== pad2) throw wrongKey();
    return plain.subarray(0, plain.length - pad2);
  }
  if (version === VERSION_GCM) {
    if (raw.length < 2 + 12 + 16) throw extractError(text2, `minimum required data length: '${(2 + 12 + 16) * 2}'`);
    const nonce = raw.subarray(2, 14);
    const body = raw.subarray(14, raw.length - 16);
    const tag2 = raw.subarray(raw.length - 16);
    const d = createDecipheriv2(algo(k, "gcm"), k, nonce);
    d.setAuthTag(tag2);
    try {
      return Buffer.concat([d.update(body), d.final()]);
    } catch {
      throw new WerfActionError("decryption failed: check encryption key and data: authentication failed: data has been tampered with or the encryption key is wrong", { code: "secret.wrong-key" });
    }
  }
  throw extractError(text2, `unsupported secret format version: ${version}`);
}
function findSecretKey(ctx, opts = {}) {
  const fromEnv = opts.key ?? ctx.env.WERF_SECRET_KEY;
  const found = (k) => {
    const t = k.trim();
    ctx.log.mask(t);
    return t;
  };
  if (fromEnv) return found(fromEnv);
  const places = ["WERF_SECRET_KEY environment variable"];
  if (opts.projectDir) {
    const p = join10(opts.projectDir, ".werf_secret_key");
    places.push(`${p} file`);
    try {
      return found(readFileSync5(p, "utf8"));
    } catch {
    }
  }
  const home = opts.homeDir ?? ctx.env.WERF_HOME ?? (ctx.env.HOME ? join10(ctx.env.HOME, ".werf") : void 0);
  if (home) {
    const p = join10(home, "global_secret_key");
    places.push(`${p} file`);
    try {
      return found(readFileSync5(p, "utf8"));
    } catch {
    }
  }
  throw new WerfActionError(`encryption key not found in: ${places.join(", ")}`, {
    code: "secret.no-key",
    hint: "set WERF_SECRET_KEY (a key from `helm secret generate-secret-key`), or use --ignore-secret-key to render with encrypted values"
  });
}
function goScalarText(v, source) {
  if (typeof v === "number") {
    const isInt = source === void 0 ? Number.isInteger(v) : /^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]+)$/.test(source.trim());
    return isInt ? String(v) : goFloatV(v);
  }
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
function goFloatV(f) {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf";
  const [mant, expS] = f.toExponential().split("e");
  const exp = Number(expS);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(f);
}
function loadDoc(text2, file) {
  const doc = (0, import_yaml15.parseDocument)(text2, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new WerfActionError(`unable to unmarshal config data: yaml: line ${e.linePos?.[0]?.line ?? 0}: ${e.message.split("\n")[0]}`, {
      code: "secret.yaml",
      location: { file, line: e.linePos?.[0]?.line }
    });
  }
  return doc;
}
function stringify2(doc) {
  const s = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 });
  return s;
}
function encryptValuesYaml(key, text2, file = "secret-values.yaml", format = "cbc") {
  const doc = loadDoc(text2, file);
  (0, import_yaml15.visit)(doc, {
    Scalar(k, node) {
      if (k === "key") return;
      if (node.value === null || node.value === void 0) return;
      node.value = encryptData(key, goScalarText(node.value, node.source), format);
      node.type = "PLAIN";
      delete node.tag;
      return void 0;
    }
  });
  return stringify2(doc);
}
function decryptValuesYaml(key, text2, file = "secret-values.yaml", mask) {
  const doc = loadDoc(text2, file);
  let err2;
  (0, import_yaml15.visit)(doc, {
    Scalar(k, node) {
      if (k === "key" || err2) return;
      if (node.value === null || node.value === void 0) return;
      if (typeof node.value !== "string") {
        err2 = new WerfActionError(`unable to decode non string value "${String(node.value)}": expected encoded value as hex string`, { code: "secret.bad-data", location: { file, line: lineOfNode(doc, node) } });
        return import_yaml15.visit.BREAK;
      }
      try {
        const plain = decryptData(key, node.value).toString("utf8");
        mask?.(plain);
        node.value = plain;
        delete node.type;
        return void 0;
      } catch (e) {
        err2 = e;
        return import_yaml15.visit.BREAK;
      }
    }
  });
  if (err2) throw err2;
  return stringify2(doc);
}
function lineOfNode(doc, node) {
  const off = node.range?.[0];
  if (off === void 0) return void 0;
  const src = String(doc.source ?? "");
  return src ? src.slice(0, off).split("\n").length : void 0;
}
function decryptSecretValues(key, text2, file, mask) {
  const doc = loadDoc(text2, file);
  const raw = doc.toJS({ maxAliasCount: -1 });
  if (raw === null || raw === void 0) return {};
  const walk = (v, path) => {
    if (v === null || v === void 0) return null;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (v instanceof Map) {
      const o = {};
      for (const [k, x] of v) o[String(k)] = walk(x, `${path}.${String(k)}`);
      return o;
    }
    if (typeof v === "object") {
      const o = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x, path ? `${path}.${k}` : k);
      return o;
    }
    if (typeof v !== "string") {
      throw new WerfActionError(`unable to decode non string value "${String(v)}": expected encoded value as hex string`, { code: "secret.bad-data", location: { file, subject: path } });
    }
    let plain;
    try {
      plain = decryptData(key, v).toString("utf8");
    } catch (e) {
      if (e instanceof WerfActionError) throw new WerfActionError(e.message, { code: e.code, location: { file, subject: path }, hint: e.hint });
      throw e;
    }
    mask(plain);
    return plain;
  };
  const out = walk(raw, "");
  if (!isTable(out)) throw new WerfActionError("secret values must be a map", { code: "secret.yaml", location: { file } });
  return out;
}
function reencryptValuesYaml(key, oldEncrypted, newPlain, file = "secret-values.yaml", format = "cbc") {
  const old = loadDoc(oldEncrypted, file);
  const neu = loadDoc(newPlain, file);
  const oldByPath = /* @__PURE__ */ new Map();
  const collect = (node, path) => {
    if ((0, import_yaml15.isMap)(node)) for (const it of node.items) collect(it.value, `${path}.${(0, import_yaml15.isScalar)(it.key) ? String(it.key.value) : String(it.key)}`);
    else if ((0, import_yaml15.isSeq)(node)) node.items.forEach((x, i) => collect(x, `${path}[${i}]`));
    else if ((0, import_yaml15.isScalar)(node) && typeof node.value === "string") oldByPath.set(path, node.value);
  };
  collect(old.contents, "");
  const apply = (node, path) => {
    if ((0, import_yaml15.isMap)(node)) {
      for (const it of node.items) {
        const p = `${path}.${(0, import_yaml15.isScalar)(it.key) ? String(it.key.value) : String(it.key)}`;
        if ((0, import_yaml15.isScalar)(it.value)) it.value = leaf(it.value, p);
        else apply(it.value, p);
      }
    } else if ((0, import_yaml15.isSeq)(node)) {
      node.items.forEach((x, i) => {
        const p = `${path}[${i}]`;
        if ((0, import_yaml15.isScalar)(x)) node.items[i] = leaf(x, p);
        else apply(x, p);
      });
    }
  };
  const leaf = (s, p) => {
    if (s.value === null || s.value === void 0) return s;
    const plain = goScalarText(s.value, s.source);
    const prev = oldByPath.get(p);
    let cipher;
    if (prev !== void 0) {
      try {
        if (decryptData(key, prev).toString("utf8") === plain) cipher = prev;
      } catch {
      }
    }
    const n = new import_yaml15.Scalar(cipher ?? encryptData(key, plain, format));
    n.commentBefore = s.commentBefore;
    n.comment = s.comment;
    return n;
  };
  if ((0, import_yaml15.isScalar)(neu.contents)) neu.contents = leaf(neu.contents, "");
  else apply(neu.contents, "");
  return stringify2(neu);
}
function encryptFile(key, data, format = "cbc") {
  return encryptData(key, data, format) + "\n";
}
function decryptFile(key, text2) {
  return decryptData(key, typeof text2 === "string" ? text2 : Buffer.from(text2).toString("utf8"));
}

// packages/core/src/chart/werf.ts
import { readFileSync as readFileSync6, readdirSync as readdirSync2, statSync as statSync3 } from "node:fs";
import { join as join11, relative as relative2 } from "node:path";
function goTimeStringUTC(d) {
  const p = (n, w = 2) => String(n).padStart(w, "0");
  const ms = d.getUTCMilliseconds();
  const frac = ms ? "." + p(ms, 3).replace(/0+$/, "") : "";
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${frac} +0000 UTC`;
}
function parseImageName(ref) {
  let rest = ref;
  let tag2 = "latest";
  const at = rest.indexOf("@");
  if (at >= 0) rest = rest.slice(0, at);
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag2 = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf("/");
  let registry = "index.docker.io";
  let repository = rest;
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      registry = first;
      repository = rest.slice(slash + 1);
    }
  }
  if (registry === "index.docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  return { registry, repository, tag: tag2, context: `${registry}/${repository}` };
}
function imageValuesMap(registry, repository, name2, tag2, digest, image, refTag) {
  const slash = repository.lastIndexOf("/");
  const namespace = slash < 0 ? "." : repository.slice(0, slash);
  return {
    registry,
    namespace,
    name: name2,
    tag: tag2,
    digest,
    tag_digest: `${tag2}@${digest}`,
    image,
    repository,
    ref: `${refTag}@${digest}`,
    ref_tag: refTag,
    repository_ref: `${repository}:${tag2}@${digest}`,
    repository_tag: `${repository}:${tag2}`,
    name_ref: `${name2}:${tag2}@${digest}`,
    name_tag: `${name2}:${tag2}`
  };
}
function werfServiceValues(o) {
  const globalWerf = { name: o.project, version: o.version };
  const global = { werf: globalWerf };
  const image = {};
  const tagMap = {};
  const date = o.commit?.date ?? /* @__PURE__ */ new Date(0);
  const werf = {
    name: o.project,
    version: o.version,
    repo: o.repo,
    image,
    tag: tagMap,
    commit: { hash: o.commit?.hash ?? "", date: { human: goTimeStringUTC(date), unix: BigInt(Math.floor(date.getTime() / 1e3)) } }
  };
  const stub = (o.stubImages?.length ?? 0) > 0;
  if (o.env) {
    global.env = o.env;
    werf.env = o.env;
  } else if (stub) {
    global.env = "";
    werf.env = "";
  }
  if (o.namespace) werf.namespace = o.namespace;
  const images = {};
  if (stub) {
    const stubImage = `${o.repo}:TAG`;
    werf.is_stub = true;
    werf.stub_image = stubImage;
    for (const n of o.stubImages) {
      image[n] = stubImage;
      tagMap[n] = "TAG";
      images[n] = imageValuesMap("REGISTRY", "NAMESPACE/NAME", "NAME", "TAG", "DIGEST", o.repo, stubImage);
    }
  }
  for (const [n, e] of Object.entries(o.images ?? {})) {
    const full = e.DockerImageName || `${e.DockerRepo}:${e.DockerTag}`;
    if (n === "") {
      werf.is_nameless_image = true;
      werf.nameless_image = full;
      continue;
    }
    image[n] = full;
    tagMap[n] = e.DockerTag;
    const p = parseImageName(full);
    images[n] = imageValuesMap(p.registry, p.repository, p.repository.slice(p.repository.lastIndexOf("/") + 1), p.tag, e.DockerImageDigest ?? "", p.context, full);
  }
  if (Object.keys(images).length) globalWerf.images = images;
  return { werf, global };
}
function loadSecretValues(s) {
  const read = (p) => {
    let text2;
    try {
      text2 = readFileSync6(p, "utf8");
    } catch {
      return {};
    }
    if (s.key === void 0) {
      const v = parseYaml2(text2);
      return isTable(v) ? v : {};
    }
    return decryptSecretValues(s.key, text2, p, s.mask);
  };
  const defaults = s.disableDefault ? {} : read(join11(s.chartDir, "secret-values.yaml"));
  let extra = {};
  for (const f of s.extraFiles ?? []) {
    try {
      statSync3(f);
    } catch {
      throw new WerfActionError(`secret values file ${f} not found`, { code: "secret.not-found", location: { file: f } });
    }
    extra = deepMerge(extra, read(f));
  }
  return { defaults, extra };
}
function deepMerge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isTable(v) && isTable(out[k]) ? deepMerge(out[k], v) : v;
  return out;
}
function readSecretDir(chartDir) {
  const root = join11(chartDir, "secret");
  const out = {};
  const walk = (d) => {
    let names;
    try {
      names = readdirSync2(d);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join11(d, n);
      if (statSync3(p).isDirectory()) walk(p);
      else out[relative2(root, p).split("\\").join("/")] = readFileSync6(p, "utf8");
    }
  };
  walk(root);
  return out;
}
function werfSecretFileFunc(files, key, mask) {
  return (path) => {
    const enc = files[path];
    if (enc === void 0) throw new Error(`error reading secret file "${path}": no such file in the secret directory`);
    if (key === void 0) return enc;
    const plain = decryptFile(key, enc).toString("utf8");
    mask(plain);
    return plain;
  };
}
function addExtraMetadata(docText, annotations, labels) {
  if (!Object.keys(annotations).length && !Object.keys(labels).length) return docText;
  const obj = parseYaml2(docText);
  if (!isTable(obj)) return docText;
  const md = isTable(obj.metadata) ? obj.metadata : obj.metadata = {};
  if (Object.keys(annotations).length) md.annotations = { ...isTable(md.annotations) ? md.annotations : {}, ...annotations };
  if (Object.keys(labels).length) md.labels = { ...isTable(md.labels) ? md.labels : {}, ...labels };
  return toYaml(obj);
}

// packages/core/src/commands/render.ts
function reportEntries(report, only) {
  const out = {};
  for (const [n, r] of Object.entries(report.Images)) {
    if (only?.length && !only.includes(n)) continue;
    out[n] = { DockerRepo: r.DockerRepo, DockerTag: r.DockerTag, DockerImageName: r.DockerImageName, DockerImageDigest: r.DockerImageDigest };
  }
  return out;
}
async function render(ctx, opts) {
  const project = await loadProject({ ...opts, ctx });
  const chartDir = join12(project.dir, project.meta.deploy.helmChartDir || ".helm");
  const appVersion = project.meta.deploy.helmChartConfig?.appVersion;
  const loaded = loadDir(chartDir, {
    defaultChartYaml: `apiVersion: v2
name: ${JSON.stringify(project.meta.project)}
version: 1.0.0
${appVersion ? `appVersion: ${JSON.stringify(appVersion)}
` : ""}`
  });
  const namespace = resolveNamespace(project.meta, { env: opts.env, namespace: opts.namespace });
  const releaseName = resolveRelease(project.meta, { env: opts.env, namespace: opts.namespace, release: opts.release });
  let images = {};
  let stubImages;
  const imageNames2 = project.images.map((i) => i.name).filter((n) => !opts.images?.length || opts.images.includes(n));
  if (opts.stubTags) stubImages = imageNames2;
  else if (opts.buildReport) {
    const report = typeof opts.buildReport === "string" ? parseBuildReport(readFileSync7(resolve4(project.dir, opts.buildReport), "utf8"), opts.buildReport) : opts.buildReport;
    images = reportEntries(report, opts.images);
  } else if (imageNames2.length) {
    if (!opts.build) {
      throw new WerfActionError("render needs the images: give --use-build-report, --stub-tags, or build them first", {
        code: "render.no-images",
        hint: "run `werf-action build --save-build-report` and pass --use-build-report"
      });
    }
    images = reportEntries(await opts.build(project), opts.images);
  }
  const repo = opts.repo ?? (stubImages ? "REPO" : "");
  const serviceValues = werfServiceValues({
    project: project.meta.project,
    version: VERSION,
    repo,
    env: opts.env ?? project.env,
    namespace,
    commit: project.commit,
    images,
    stubImages
  });
  const mask = (s) => ctx.log.mask(s);
  let key;
  const secretFiles = readSecretDir(chartDir);
  let hasSecretValues = false;
  try {
    readFileSync7(join12(chartDir, "secret-values.yaml"));
    hasSecretValues = !opts.disableDefaultSecretValues;
  } catch {
  }
  const needKey = hasSecretValues || (opts.secretValues?.length ?? 0) > 0 || Object.keys(secretFiles).length > 0;
  if (needKey && !opts.ignoreSecretKey) key = findSecretKey(ctx, { key: opts.secretKey, projectDir: project.dir, homeDir: opts.homeDir });
  let secretDefaults = {};
  let secretExtra = {};
  if (key || needKey && opts.ignoreSecretKey) {
    const s = loadSecretValues({ chartDir, key, extraFiles: opts.secretValues?.map((f) => resolve4(project.dir, f)), disableDefault: opts.disableDefaultSecretValues, mask });
    secretDefaults = s.defaults;
    secretExtra = s.extra;
  }
  loaded.values = mergeMaps2(loaded.values, secretDefaults);
  const user = mergeMaps2(userValues({ ...opts, cwd: opts.cwd ?? project.dir, afterFiles: secretExtra }), serviceValues);
  const rendered = renderChart(loaded, {
    values: user,
    release: { name: releaseName, namespace, revision: 1, isInstall: true, isUpgrade: false },
    capabilities: { kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions },
    funcs: { werf_secret_file: werfSecretFileFunc(secretFiles, key, mask) },
    warn: (m) => ctx.log.warn(m)
  });
  const annotations = opts.addAnnotations ?? {};
  const labels = opts.addLabels ?? {};
  const withMeta = (list2, get, set2) => list2.map((m) => set2(m, addExtraMetadata(get(m), annotations, labels)));
  const manifests = withMeta(rendered.manifests, (m) => m.content, (m, c) => ({ ...m, content: c }));
  const hooks = withMeta(rendered.hooks, (h) => h.manifest, (h, c) => ({ ...h, manifest: c }));
  let output = helmTemplateOutput(manifestText(manifests, opts.includeCrds ? rendered.crds : []), hooks, { skipTests: opts.skipTests, showOnly: opts.showOnly });
  if (!opts.showSecrets) output = ctx.log.redact(output);
  return { output, releaseName, namespace, rendered: { ...rendered, manifests, hooks }, serviceValues };
}

// packages/core/src/commands/helm-template.ts
import { resolve as resolve5 } from "node:path";
function renderNameTemplate(text2) {
  try {
    const t = new Templates({ missingKey: "default" });
    t.parse("name-template", text2);
    return t.execute("name-template", void 0);
  } catch (e) {
    throw new WerfActionError(`${e.message}`, { code: "chart.name-template", location: { subject: `--name-template ${text2}` } });
  }
}
async function helmTemplate(ctx, opts) {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadChart(resolve5(cwd, opts.chart));
  let name2 = opts.name ?? "";
  if (opts.nameTemplate) name2 = renderNameTemplate(opts.nameTemplate);
  if (!name2 && opts.generateName) name2 = `${loaded.metadata.name}-${Math.floor(ctx.now() / 1e3)}`;
  if (!name2) name2 = "release-name";
  validateReleaseName(name2);
  const values = userValues({ ...opts, cwd });
  const rendered = renderChart(loaded, {
    values,
    release: { name: name2, namespace: opts.namespace || "default", isUpgrade: opts.isUpgrade ?? false, isInstall: !opts.isUpgrade, revision: 1 },
    capabilities: { kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions },
    strict: opts.strict,
    skipSchemaValidation: opts.skipSchemaValidation,
    subchartNotes: opts.renderSubchartNotes,
    warn: (m) => ctx.log.warn(m)
  });
  const manifest = manifestText(rendered.manifests, opts.includeCrds ? rendered.crds : [], opts.hideSecret);
  const output = helmTemplateOutput(manifest, rendered.hooks, { skipTests: opts.skipTests, noHooks: opts.noHooks, showOnly: opts.showOnly });
  return { output, notes: rendered.notes, rendered, releaseName: name2 };
}

// packages/core/src/commands/helm-secret.ts
function helmSecret(ctx, operation, opts = {}) {
  if (operation.op === "generate-secret-key") return generateSecretKey() + "\n";
  const key = findSecretKey(ctx, opts);
  switch (operation.op) {
    case "values-encrypt":
      return encryptValuesYaml(key, operation.text, operation.file, opts.format);
    case "values-decrypt":
      return decryptValuesYaml(key, operation.text, operation.file, (s) => ctx.log.mask(s));
    case "values-edit":
      return reencryptValuesYaml(key, operation.encrypted, operation.newPlain, operation.file, opts.format);
    case "file-encrypt":
      return encryptFile(key, operation.data, opts.format);
    case "file-decrypt": {
      const out = decryptFile(key, operation.text);
      ctx.log.mask(out.toString("utf8"));
      return out;
    }
  }
}

// packages/cli/src/context.ts
function commandContext(io, flags) {
  const quiet = bool(flags, "log-quiet");
  const sink = io.logSink ?? consoleSink(io.stderr);
  const log = createLogger(quiet ? { ...sink, write: (level, line) => {
    if (level === "error" || level === "warn") sink.write(level, line);
  } } : sink, {
    verbose: bool(flags, "log-verbose") || bool(flags, "log-debug")
  });
  const abort = new AbortController();
  const stop = () => abort.abort(new Error("cancelled by signal"));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  abort.signal.addEventListener("abort", () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  });
  return createContext({ log, env: io.env, signal: abort.signal });
}

// packages/cli/src/handlers/common.ts
import { isAbsolute as isAbsolute3, resolve as resolve6 } from "node:path";
import { readFileSync as readFileSync8 } from "node:fs";
function projectOptions(flags, io) {
  return {
    dir: resolve6(io.cwd, str(flags, "dir") ?? "."),
    gitWorkTree: str(flags, "git-work-tree") && resolve6(io.cwd, str(flags, "git-work-tree")),
    config: str(flags, "config"),
    configTemplatesDir: str(flags, "config-templates-dir"),
    giterminismConfig: str(flags, "giterminism-config"),
    env: str(flags, "env"),
    dev: bool(flags, "dev"),
    looseGiterminism: bool(flags, "loose-giterminism"),
    debugTemplates: bool(flags, "debug-templates")
  };
}
function registryOptions(flags) {
  return {
    repo: str(flags, "repo"),
    finalRepo: str(flags, "final-repo"),
    insecureRegistry: bool(flags, "insecure-registry"),
    skipTlsVerifyRegistry: bool(flags, "skip-tls-verify-registry"),
    dockerConfig: str(flags, "docker-config")
  };
}
function buildOptions(flags, io, dir) {
  const reportPath = str(flags, "build-report-path");
  return {
    parallel: bool(flags, "parallel"),
    parallelTasksLimit: int(flags, "parallel-tasks-limit"),
    platform: list(flags, "platform"),
    addCustomTags: list(flags, "add-custom-tag"),
    requireBuiltImages: bool(flags, "require-built-images"),
    saveBuildReport: bool(flags, "save-build-report"),
    buildReportPath: reportPath && (isAbsolute3(reportPath) ? reportPath : resolve6(io.cwd, reportPath)),
    defaultReportPath: resolve6(dir, ".werf-build-report.json")
  };
}
function valueOptions(flags, io) {
  return {
    valueFiles: list(flags, "values"),
    values: list(flags, "set"),
    stringValues: list(flags, "set-string"),
    fileValues: list(flags, "set-file"),
    jsonValues: list(flags, "set-json"),
    cwd: io.cwd
  };
}
function keyValues2(items, flag) {
  const out = {};
  for (const item of items) {
    const eq2 = item.indexOf("=");
    if (eq2 <= 0) throw new WerfActionError(`--${flag} ${JSON.stringify(item)} is not key=value`, { code: "cli.usage", location: { subject: `--${flag}` }, hint: "write it as key=value" });
    out[item.slice(0, eq2)] = item.slice(eq2 + 1);
  }
  return out;
}
function readInput(path, io) {
  try {
    return readFileSync8(resolve6(io.cwd, path), "utf8");
  } catch (e) {
    throw new WerfActionError(`cannot read ${path}: ${e.code ?? e.message}`, { code: "cli.input", location: { file: path } });
  }
}

// packages/cli/src/handlers.ts
function printBuildSummary(report, ctx) {
  const names = Object.keys(report.Images);
  if (!names.length) return;
  const width = Math.max(...names.map((n) => n.length));
  ctx.log.info("");
  for (const n of names) {
    const img = report.Images[n];
    ctx.log.info(`${n.padEnd(width)}  ${img.Rebuilt ? "built " : "reused"}  ${img.DockerImageName}`);
  }
}
async function runBuild(args, io, ctx) {
  const load = projectOptions(args.flags, io);
  const b = buildOptions(args.flags, io, load.dir);
  if (bool(args.flags, "use-build-report")) return loadBuildReport(b.buildReportPath ?? b.defaultReportPath);
  const report = await build({
    load,
    images: args.positionals,
    ...registryOptions(args.flags),
    parallel: b.parallel,
    parallelTasksLimit: b.parallelTasksLimit,
    platform: b.platform,
    addCustomTags: b.addCustomTags,
    requireBuiltImages: b.requireBuiltImages,
    saveBuildReport: b.saveBuildReport || b.buildReportPath !== void 0,
    buildReportPath: b.buildReportPath ?? b.defaultReportPath
  }, ctx);
  printBuildSummary(report, ctx);
  io.onReport?.({ kind: "build", report });
  return report;
}
var buildHandler = async (args, io) => {
  await runBuild(args, io, commandContext(io, args.flags));
  return 0;
};
var configHandler = (which) => async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const opts = { ...projectOptions(args.flags, io), ctx };
  const text2 = which === "render" ? await renderConfig({ ...opts, images: args.positionals }) : which === "list" ? await listConfig({ ...opts, finalOnly: bool(args.flags, "final-images-only") }) : await graphConfig({ ...opts, images: args.positionals });
  io.stdout.write(text2.endsWith("\n") || text2 === "" ? text2 : `${text2}
`);
  return 0;
};
var renderHandler = async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const project = projectOptions(args.flags, io);
  const b = buildOptions(args.flags, io, project.dir);
  const result = await render(ctx, {
    ...project,
    ...valueOptions(args.flags, io),
    cwd: project.dir,
    repo: str(args.flags, "repo"),
    images: args.positionals,
    stubTags: bool(args.flags, "stub-tags"),
    buildReport: bool(args.flags, "use-build-report") ? b.buildReportPath ?? b.defaultReportPath : void 0,
    build: () => runBuild(args, io, ctx),
    namespace: str(args.flags, "namespace"),
    release: str(args.flags, "release"),
    secretValues: list(args.flags, "secret-values"),
    ignoreSecretKey: bool(args.flags, "ignore-secret-key"),
    kubeVersion: str(args.flags, "kube-version"),
    apiVersions: list(args.flags, "extra-apiversions"),
    includeCrds: bool(args.flags, "include-crds"),
    showOnly: list(args.flags, "show-only"),
    addAnnotations: keyValues2(list(args.flags, "add-annotation"), "add-annotation"),
    addLabels: keyValues2(list(args.flags, "add-label"), "add-label")
  });
  const out = str(args.flags, "output");
  if (out) writeFileSync(resolve7(io.cwd, out), result.output);
  else io.stdout.write(result.output);
  return 0;
};
var helmTemplateHandler = async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const [first, second, ...extra] = args.positionals;
  if (!first || extra.length) {
    throw usage("helm template takes [NAME] CHART");
  }
  const result = await helmTemplate(ctx, {
    ...valueOptions(args.flags, io),
    name: second === void 0 ? void 0 : first,
    chart: second ?? first,
    nameTemplate: str(args.flags, "name-template"),
    namespace: str(args.flags, "namespace"),
    kubeVersion: str(args.flags, "kube-version"),
    apiVersions: list(args.flags, "api-versions"),
    includeCrds: bool(args.flags, "include-crds"),
    skipTests: bool(args.flags, "skip-tests"),
    showOnly: list(args.flags, "show-only")
  });
  io.stdout.write(result.output);
  return 0;
};
var secretHandler = (op) => async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const file = args.positionals[0];
  if (!file) throw usage(`helm secret ${op.replace("-", " ")} takes FILE`);
  const text2 = readInput(file, io);
  let operation;
  if (op === "values-edit") {
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    operation = { op, encrypted: text2, newPlain: Buffer.concat(chunks).toString("utf8"), file };
  } else if (op === "file-encrypt") operation = { op, data: text2 };
  else operation = { op, text: text2, file };
  const result = helmSecret(ctx, operation, { projectDir: resolve7(io.cwd, str(args.flags, "dir") ?? ".") });
  const out = str(args.flags, "output-file-path");
  if (out) writeFileSync(resolve7(io.cwd, out), result);
  else io.stdout.write(result);
  return 0;
};
var handlers = {
  build: buildHandler,
  render: renderHandler,
  "config render": configHandler("render"),
  "config list": configHandler("list"),
  "config graph": configHandler("graph"),
  "helm template": helmTemplateHandler,
  "helm secret generate-secret-key": async (args, io) => {
    io.stdout.write(helmSecret(commandContext(io, args.flags), { op: "generate-secret-key" }));
    return 0;
  },
  "helm secret values encrypt": secretHandler("values-encrypt"),
  "helm secret values decrypt": secretHandler("values-decrypt"),
  "helm secret values edit": secretHandler("values-edit"),
  "helm secret file encrypt": secretHandler("file-encrypt"),
  "helm secret file decrypt": secretHandler("file-decrypt")
};
export {
  handlers
};
