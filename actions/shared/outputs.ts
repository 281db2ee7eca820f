// Command reports -> step outputs and the job summary. `images` is a JSON
// map of image name -> full reference, so later steps can use
// fromJSON(steps.build.outputs.images).backend.
import * as core from '@actions/core';
import type { CommandReport } from '@werf-action/cli';

export async function publishReport(r: CommandReport): Promise<void> {
  if (r.kind !== 'build') return;
  const images = Object.entries(r.report.Images);
  core.setOutput('images', JSON.stringify(Object.fromEntries(images.map(([name, img]) => [name, img.DockerImageName]))));
  core.setOutput('rebuilt', JSON.stringify(images.filter(([, img]) => img.Rebuilt).map(([name]) => name)));
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary
    .addHeading('werf-action: images', 3)
    .addTable([
      [{ data: 'image', header: true }, { data: 'result', header: true }, { data: 'reference', header: true }],
      ...images.map(([name, img]) => [name, img.Rebuilt ? 'built' : 'reused', `<code>${img.DockerImageName}</code>`]),
    ])
    .write();
}
