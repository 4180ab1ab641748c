"""One policy for every path argmap opens: nothing reached from a folder may
lead outside it (issue 14, security). Each test failed before the fix."""

import os

from helpers import invoke

SECRET = "TOKEN=hunter2 this line is not argmap\n"


def _folder_with_escape(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.argmap"
    secret.write_text(SECRET)
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "ok.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    os.symlink(secret, maps / "evil.argmap")
    return maps, secret


def test_check_of_a_folder_does_not_follow_a_link_out_of_it(tmp_path):
    maps, _ = _folder_with_escape(tmp_path)
    for fmt in ("text", "json", "sarif", "github", "junit", "concise"):
        r = invoke("check", str(maps), "-f", fmt, cwd=tmp_path)
        assert "hunter2" not in r.out + r.err, fmt
        assert r.code == 2, fmt
        assert "evil.argmap: a symbolic link that leads outside" in r.err, fmt


def test_fmt_of_a_folder_does_not_rewrite_through_a_link_out_of_it(tmp_path):
    maps, secret = _folder_with_escape(tmp_path)
    secret.write_text("thesis   t: T.\n")  # a map fmt would change
    r = invoke("fmt", str(maps), cwd=tmp_path)
    assert r.code == 2 and "leads outside" in r.err
    assert secret.read_text() == "thesis   t: T.\n"


def test_links_inside_the_folder_are_followed(tmp_path):
    maps = tmp_path / "maps"
    (maps / "real").mkdir(parents=True)
    (maps / "real" / "a.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    os.symlink(maps / "real" / "a.argmap", maps / "alias.argmap")
    r = invoke("check", str(maps), cwd=tmp_path)
    assert r.code == 0, r.err


def test_a_file_named_directly_is_read_even_through_a_link(tmp_path):
    (tmp_path / "real.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    os.symlink(tmp_path / "real.argmap", tmp_path / "link.argmap")
    assert invoke("check", "link.argmap", cwd=tmp_path).code == 0
