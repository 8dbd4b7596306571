"""The atomic writer never leaves a user's file half-written, and never replaces what is
not a regular file (a FIFO, /dev/null) or a symlink."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from hipaalint.atomic import atomic_writer
from hipaalint.errors import InputError


def test_replaces_regular_file_and_keeps_mode(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o600)
    with atomic_writer(target) as handle:
        handle.write("new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_error_inside_keeps_original_and_no_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["out.txt"]


def test_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_writer(link) as handle:
        handle.write("new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_written_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo).read()))
    reader.start()
    with atomic_writer(fifo) as handle:
        handle.write("report")
    reader.join(timeout=10)
    assert received == ["report"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_missing_folder_is_one_line_error(tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        with atomic_writer(tmp_path / "nope" / "out.txt") as handle:
            handle.write("x")
