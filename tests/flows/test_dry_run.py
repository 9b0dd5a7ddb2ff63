"""`newsfacts run --dry-run` says what a run would do and writes nothing; `check` on a folder
with no damage says so."""
from __future__ import annotations

import json

from flows import cli


def test_a_dry_run_counts_the_inputs_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Council votes\nThe council voted on Monday to close the pool.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["run", str(tmp_path / "in"), "--out", str(out), "--dry-run", "--json"]) == cli.EXIT_OK
    d = json.loads(capsys.readouterr().out)
    assert d["inputs"] == {"new": 1, "changed": 0, "unchanged": 0, "upgrade": 0, "repair": 0}
    assert (d["upgrade"], d["damaged"], d["interrupted_commit"]) == (None, [], False)
    assert not out.exists()
    assert cli.main(["run", str(tmp_path / "in"), "--out", str(out), "--dry-run"]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "dry run on" in err and "1 new, 0 changed, 0 unchanged inputs, 0 to extract again because of the version" in err
    assert "nothing written (dry run)" in err and not out.exists()
