#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VERSION,
  describeError,
  envName,
  isWerfActionError,
  parseArgs,
  usage
} from "./chunks/chunk-JS6LNNLF.js";
import "./chunks/chunk-572HMJST.js";

// packages/cli/src/specs.ts
var f = (name, type, description, extra = {}) => ({ name, type, description, ...extra });
var projectFlags = [
  f("dir", "string", "Project directory (default: the current directory)", { valueName: "PATH" }),
  f("git-work-tree", "string", "Git work tree when the project is in a subfolder or the .git is elsewhere", { valueName: "PATH" }),
  f("config", "string", "werf.yaml path (default werf.yaml, then werf.yml)", { valueName: "PATH" }),
  f("config-templates-dir", "string", "Directory of werf.yaml partials (default .werf)", { valueName: "PATH" }),
  f("giterminism-config", "string", "Giterminism config path (default werf-giterminism.yaml)", { valueName: "PATH" }),
  f("env", "string", "Environment name (.Env in werf.yaml, release and namespace names)", { valueName: "ENV" }),
  f("dev", "bool", "Use the work tree including uncommitted changes"),
  f("loose-giterminism", "bool", "Disable giterminism checks (not reproducible!)"),
  f("debug-templates", "bool", "Print the output of werf.yaml debug functions (tpl_debug, include_debug, ...)")
];
var logFlags = [
  f("log-verbose", "bool", "Verbose output"),
  f("log-debug", "bool", "Debug output"),
  f("log-quiet", "bool", "Only errors")
];
var registryFlags = [
  f("repo", "string", "Container registry repository for stages and final images", { valueName: "REGISTRY/PROJECT" }),
  f("final-repo", "string", "Repository the final images are copied to", { valueName: "REGISTRY/PROJECT" }),
  f("repo-container-registry", "string", "Registry implementation: default, github, gitlab, dockerhub, ..."),
  f("repo-github-token", "string", "GitHub token for ghcr.io deletions"),
  f("docker-config", "string", "Docker config directory with registry credentials (default $DOCKER_CONFIG or ~/.docker)", { valueName: "DIR" }),
  f("insecure-registry", "bool", "Use plain HTTP for the registry"),
  f("skip-tls-verify-registry", "bool", "Do not verify the registry TLS certificate")
];
var buildFlags = [
  f("platform", "list", "Target platform (linux/amd64, linux/arm64, ...)"),
  f("parallel", "bool", "Build images of one level in parallel", { short: "p", default: true }),
  f("parallel-tasks-limit", "int", "How many images build at once", { default: 5 }),
  f("add-custom-tag", "list", "Extra tag for each final image; %image%, %image_slug%, %image_content_based_tag% are replaced"),
  f("use-custom-tag", "string", "Use this custom tag template for image values instead of the content-based tag"),
  f("save-build-report", "bool", "Save the build report"),
  f("build-report-path", "string", "Build report path (.json or .env)", { valueName: "PATH" }),
  f("use-build-report", "bool", "Use the images of a saved build report instead of building"),
  f("require-built-images", "bool", "Fail instead of building when an image is missing in the registry", { short: "Z" })
];
var kubeFlags = [
  f("kube-config", "string", "Kubeconfig path (default $KUBECONFIG or ~/.kube/config)", { valueName: "PATH", env: "WERF_KUBE_CONFIG" }),
  f("kube-config-base64", "string", "Kubeconfig contents, base64-encoded"),
  f("kube-context", "string", "Kubeconfig context"),
  f("skip-tls-verify-kube", "bool", "Do not verify the API server certificate")
];
var valuesFlags = [
  f("values", "list", "Values file", { valueName: "FILE" }),
  f("set", "list", "Set a value: key=value (Helm --set grammar)"),
  f("set-string", "list", "Set a string value: key=value"),
  f("set-file", "list", "Set a value from a file: key=path"),
  f("set-json", "list", "Set a JSON value: key=json"),
  f("secret-values", "list", "Secret values file (encrypted)", { valueName: "FILE" }),
  f("ignore-secret-key", "bool", "Render secret values encrypted when no key is available"),
  f("add-annotation", "list", "Annotation for every resource: key=value"),
  f("add-label", "list", "Label for every resource: key=value")
];
var releaseFlags = [
  f("namespace", "string", "Kubernetes namespace (default from werf.yaml)", { valueName: "NS" }),
  f("release", "string", "Release name (default from werf.yaml)", { valueName: "NAME" })
];
var commands = [
  {
    path: ["build"],
    summary: "Build the images of werf.yaml whose content changed and push them to --repo",
    args: "[IMAGE...]",
    flags: [...projectFlags, ...registryFlags, ...buildFlags, ...logFlags],
    issue: "Build"
  },
  {
    path: ["converge"],
    summary: "Build what is missing, deploy the release and wait until every resource is ready",
    flags: [
      ...projectFlags,
      ...registryFlags,
      ...buildFlags,
      ...kubeFlags,
      ...valuesFlags,
      ...releaseFlags,
      f("auto-rollback", "bool", "Roll back to the last good release when the deploy fails", { short: "R" }),
      f("atomic", "bool", "Alias of --auto-rollback"),
      f("timeout", "int", "Seconds to wait for readiness (0: no limit)", { short: "t", default: 0 }),
      f("save-deploy-report", "bool", "Save the deploy report"),
      f("deploy-report-path", "string", "Deploy report path", { valueName: "PATH" }),
      f("releases-history-max", "int", "Release revisions to keep", { default: 5 }),
      ...logFlags
    ],
    issue: "Deploy"
  },
  {
    path: ["render"],
    summary: "Render the chart of the project with the images of the build",
    args: "[IMAGE...]",
    flags: [
      ...projectFlags,
      ...registryFlags,
      ...buildFlags,
      ...valuesFlags,
      ...releaseFlags,
      f("output", "string", "Write to this file instead of stdout", { valueName: "PATH" }),
      f("show-only", "list", "Only these templates", { short: "s" }),
      f("stub-tags", "bool", "Use stub image tags instead of building"),
      f("include-crds", "bool", "Include CRDs", { default: true }),
      f("kube-version", "string", "Kubernetes version for .Capabilities"),
      f("extra-apiversions", "list", "Extra API versions for .Capabilities"),
      ...logFlags
    ],
    issue: "Charts"
  },
  {
    path: ["plan"],
    summary: "Show what converge would change in the cluster",
    flags: [
      ...projectFlags,
      ...registryFlags,
      ...buildFlags,
      ...kubeFlags,
      ...valuesFlags,
      ...releaseFlags,
      f("exit-code", "bool", "Exit 2 when there are changes, 0 when none"),
      f("stub-tags", "bool", "Use stub image tags instead of building"),
      ...logFlags
    ],
    issue: "Deploy"
  },
  {
    path: ["dismiss"],
    summary: "Uninstall the release",
    flags: [
      ...projectFlags,
      ...kubeFlags,
      ...releaseFlags,
      f("with-namespace", "bool", "Delete the namespace too"),
      f("with-hooks", "bool", "Delete hook resources too", { default: true }),
      f("use-deploy-report", "bool", "Take release and namespace from a deploy report (no git needed)"),
      f("deploy-report-path", "string", "Deploy report path", { valueName: "PATH" }),
      ...logFlags
    ],
    issue: "Deploy"
  },
  {
    path: ["cleanup"],
    summary: "Delete images that no Git reference, keep policy or cluster uses",
    flags: [
      ...projectFlags,
      ...registryFlags,
      ...kubeFlags,
      f("dry-run", "bool", "Show what would be deleted"),
      f("keep-stages-built-within-last-n-hours", "int", "Keep everything built within this many hours", { default: 2 }),
      f("without-kube", "bool", "Do not scan the cluster for images in use"),
      f("save-cleanup-report", "bool", "Save the cleanup report"),
      f("cleanup-report-path", "string", "Cleanup report path", { valueName: "PATH" }),
      ...logFlags
    ],
    issue: "Cleanup"
  },
  {
    path: ["purge"],
    summary: "Delete every image and record of the project from the registry",
    flags: [...projectFlags, ...registryFlags, f("dry-run", "bool", "Show what would be deleted"), ...logFlags],
    issue: "Cleanup"
  },
  { path: ["config", "render"], summary: "Print the rendered werf.yaml", args: "[IMAGE...]", flags: [...projectFlags, ...logFlags], issue: "werf.yaml and giterminism" },
  { path: ["config", "list"], summary: "List the images of werf.yaml", flags: [...projectFlags, f("final-images-only", "bool", "Only final images"), ...logFlags], issue: "werf.yaml and giterminism" },
  { path: ["config", "graph"], summary: "Show the images and their dependencies", args: "[IMAGE...]", flags: [...projectFlags, ...logFlags], issue: "werf.yaml and giterminism" },
  {
    path: ["helm", "template"],
    summary: "Render a chart exactly as `helm template` does",
    args: "[NAME] CHART",
    flags: [
      f("values", "list", "Values file", { short: "f", env: false }),
      f("set", "list", "Set a value: key=value", { env: false }),
      f("set-string", "list", "Set a string value", { env: false }),
      f("set-file", "list", "Set a value from a file", { env: false }),
      f("set-json", "list", "Set a JSON value", { env: false }),
      f("name-template", "string", "Template for the release name", { env: false }),
      f("namespace", "string", "Namespace", { short: "n", env: false }),
      f("kube-version", "string", "Kubernetes version for .Capabilities", { env: false }),
      f("api-versions", "list", "Extra API versions for .Capabilities", { short: "a", env: false }),
      f("include-crds", "bool", "Include CRDs", { env: false }),
      f("skip-tests", "bool", "Skip test hooks", { env: false }),
      f("show-only", "list", "Only these templates", { short: "s", env: false })
    ],
    issue: "Charts"
  },
  { path: ["helm", "secret", "generate-secret-key"], summary: "Print a new secret key", flags: [], issue: "Charts" },
  ...["encrypt", "decrypt", "edit"].map((op) => ({
    path: ["helm", "secret", "values", op],
    summary: op === "edit" ? "Re-encrypt a secret values file with new plain YAML from stdin (unchanged values keep their ciphertext)" : `${op[0].toUpperCase()}${op.slice(1)} a secret values file`,
    args: "FILE",
    flags: [f("output-file-path", "string", "Write here instead of stdout", { short: "o" }), f("dir", "string", "Project directory (for .werf_secret_key)")],
    issue: "Charts"
  })),
  ...["encrypt", "decrypt"].map((op) => ({
    path: ["helm", "secret", "file", op],
    summary: `${op[0].toUpperCase()}${op.slice(1)} a secret file`,
    args: "FILE",
    flags: [f("output-file-path", "string", "Write here instead of stdout", { short: "o" }), f("dir", "string", "Project directory (for .werf_secret_key)")],
    issue: "Charts"
  })),
  {
    path: ["ci-env"],
    summary: "Print the environment for a CI system (github, gitlab, jenkins)",
    args: "CI_SYSTEM",
    flags: [f("as-env-file", "bool", "KEY=value lines"), f("as-file", "bool", "Write a script and print its path"), f("shell", "string", "default or powershell")],
    issue: "CI front ends"
  }
];

// packages/cli/src/help.ts
function globalHelp() {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length));
  const lines = commands.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`);
  return [
    "werf-action: build, deploy and clean up Kubernetes applications the werf way",
    "",
    "Usage: werf-action COMMAND [FLAGS]",
    "",
    "Commands:",
    ...lines,
    "",
    "Every flag also reads WERF_<FLAG> from the environment (repeatable flags: WERF_<FLAG>_*).",
    "Run werf-action COMMAND --help for its flags; werf-action --version for the version.",
    ""
  ].join("\n");
}
function flagLine(s) {
  const short = s.short ? `-${s.short}, ` : "    ";
  const value = s.type === "bool" ? "" : ` ${s.valueName ?? (s.type === "int" ? "N" : "VALUE")}`;
  const env = envName(s);
  const extra = [s.type === "list" ? "repeatable" : "", s.default !== void 0 ? `default ${s.default}` : "", env ? `$${env}` : ""].filter(Boolean).join(", ");
  return `  ${short}--${s.name}${value}
        ${s.description}${extra ? ` (${extra})` : ""}`;
}
function commandHelp(spec) {
  return [
    `Usage: werf-action ${spec.path.join(" ")}${spec.flags.length ? " [FLAGS]" : ""}${spec.args ? ` ${spec.args}` : ""}`,
    "",
    spec.summary,
    "",
    ...spec.flags.length ? ["Flags:", ...spec.flags.map(flagLine), ""] : []
  ].join("\n");
}

// packages/cli/src/main.ts
async function main(argv, io) {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout.write(globalHelp());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "--version" || argv[0] === "version") {
    io.stdout.write(`${VERSION}
`);
    return 0;
  }
  const spec = findCommand(argv);
  if (!spec) {
    io.stderr.write(`Error: unknown command "${argv.filter((a) => !a.startsWith("-")).slice(0, 3).join(" ")}"
  hint: run werf-action --help for the list of commands
`);
    return 2;
  }
  const rest = argv.slice(spec.path.length);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  try {
    const args = parseArgs(rest, spec.flags, io.env);
    const { handlers } = await import("./chunks/handlers-2UTZL4M7.js");
    const handler = handlers[spec.path.join(" ")];
    if (!handler) {
      throw Object.assign(usage(
        `werf-action ${spec.path.join(" ")} is not implemented yet`,
        `it is tracked in the issue "${spec.issue}"; nothing was done`
      ), { code: "cli.not-implemented" });
    }
    return await handler(args, io);
  } catch (e) {
    io.onError?.(e);
    io.stderr.write(`Error: ${describeError(e)}
`);
    if (!isWerfActionError(e) && e instanceof Error && io.env.WERF_LOG_DEBUG) io.stderr.write(`${e.stack}
`);
    return isWerfActionError(e) && e.code.startsWith("cli.") ? 2 : 1;
  }
}
function findCommand(argv) {
  let best;
  for (const c of commands) {
    if (c.path.every((p, i) => argv[i] === p) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best;
}

// packages/cli/src/bin.ts
var code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
process.exit(code);
