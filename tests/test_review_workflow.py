"""docs/ci/review.yml: its script steps, run as GitHub would run them, in a scratch
repository with a pull request's two commits (and a stand-in for `gh`)."""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

WORKFLOW = ROOT / "docs" / "ci" / "review.yml"

FAKE_GH = """#!/bin/sh
# records each call; answers the listing of comments with the id in $GH_EXISTING
echo "$@" >> "$GH_LOG"
case "$*" in
  *--jq*) [ -n "$GH_EXISTING" ] && echo "$GH_EXISTING" ;;
  *body=@comment.md*) cp comment.md "$GH_LOG.body" ;;
esac
exit 0
"""


def _steps():
    doc = yaml.safe_load(WORKFLOW.read_text())
    return doc, {s.get("name"): s for s in doc["jobs"]["review"]["steps"]}


def _run(script, cwd, env):
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path):
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "T")
    text = (ROOT / "maps" / "examples" / "evaluation.argmap").read_text()
    (repo / "maps" / "library.argmap").write_text(text)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True,
                          text=True, check=True).stdout.strip()
    # the contribution drops the pilot: the rebuttal loses its support
    (repo / "maps" / "library.argmap").write_text(text.replace(
        "      + evidence pilot: A term-long pilot with student assistants stayed within "
        "budget.\n        cite: Library report, spring 2026\n", ""))
    _git(repo, "commit", "-qam", "contribution")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    # `argmap` as the workflow's install step would provide it
    (bin_dir / "argmap").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n')
    (bin_dir / "argmap").chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", BASE=base,
               GITHUB_OUTPUT=str(tmp_path / "output"), GH_LOG=str(tmp_path / "gh.log"),
               PR="7", REPO="someone/maps")
    return repo, env, tmp_path


def test_the_workflow_is_what_github_reads():
    doc, steps = _steps()
    assert doc[True]["pull_request"]["paths"]  # yaml reads `on:` as True
    assert doc["permissions"] == {"contents": "read", "pull-requests": "write"}
    checkout = doc["jobs"]["review"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # argmap diff reads the base commit
    assert {"Install argmap", "Check the maps", "Diff against the base",
            "Post or update the comment", "Fail on what FAIL_ON names"} <= set(steps)


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None,
                    reason="needs bash and git")
def test_diff_comment_and_gate_steps(pull_request):
    repo, env, tmp = pull_request
    doc, steps = _steps()
    env["FAIL_ON"] = doc["env"]["FAIL_ON"]
    diff = _run(steps["Diff against the base"]["run"], repo, env)
    assert diff.returncode == 0, diff.stderr
    assert "::warning file=maps/library.argmap" in diff.stdout  # annotations in the log
    comment = (repo / "argmap-diff.md").read_text()
    assert comment.startswith("### What this change does to the argument")
    assert "broken-expect" in comment and "```mermaid" in comment
    assert (tmp / "output").read_text() == "status=1\n"

    post = _run(steps["Post or update the comment"]["run"], repo, env)
    assert post.returncode == 0, post.stderr
    calls = (tmp / "gh.log").read_text().splitlines()
    assert calls[-1].startswith("api --method POST repos/someone/maps/issues/7/comments")
    body = Path(str(tmp / "gh.log") + ".body").read_text()
    assert body.startswith("<!-- argmap diff -->\n\n### What this change does")

    env["GH_EXISTING"] = "4711"  # a comment from an earlier push: updated, not added
    _run(steps["Post or update the comment"]["run"], repo, env)
    assert (tmp / "gh.log").read_text().splitlines()[-1].startswith(
        "api --method PATCH repos/someone/maps/issues/comments/4711")

    gate = _run(steps["Fail on what FAIL_ON names"]["run"], repo, env)
    assert gate.returncode == 1 and "thesis-status,new-error,broken-expect" in gate.stdout


def test_a_clean_change_passes_the_gate(pull_request):
    repo, env, tmp = pull_request
    doc, steps = _steps()
    env["FAIL_ON"] = doc["env"]["FAIL_ON"]
    _git(repo, "commit", "-q", "--allow-empty", "-m", "nothing")
    env["BASE"] = subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=repo, capture_output=True,
                                 text=True, check=True).stdout.strip()
    assert _run(steps["Diff against the base"]["run"], repo, env).returncode == 0
    assert (tmp / "output").read_text() == "status=0\n"
    assert "No change of meaning" in (repo / "argmap-diff.md").read_text()
    assert stat.S_ISREG(os.stat(repo / "argmap-diff.md").st_mode)
