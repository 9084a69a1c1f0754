"""One guard for every file mtreview writes: never over what it reads, never over a special file.

What it is for: each command declares what it reads (inputs, ``--source``, glossaries, the database)
and what it will write (``-o``, ``--log``, the outputs of ``normalise``) to an :class:`OutputGuard`
*before* anything is written. The guard refuses, with one line naming the file (a
:class:`~mtreview.errors.UsageError`, exit status 2):

* an output that is the same file as something read, by real path (symbolic links resolved) or by
  device and inode (hard links, bind mounts); an *existing* file inside a folder that is read
  (``score --hyp wmt-folder/``) counts as read;
* two outputs that are the same file (``fix -o x --log x``);
* an output that exists and is not a regular file (a folder, a device such as ``/dev/null``, a pipe,
  a socket, or a symbolic link to one of them), or whose folder is a file.

``-`` (standard output or input) is never a file here. Writing itself is
:func:`mtreview.textio.atomic_writer`, which checks the target again with :func:`check_target`
(so the UI's exports and the batch runner's internal files are covered too), writes a temporary
file in the target's folder and renames it over the target. What it must not do: read or write file
contents.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import MtreviewError, UsageError


class OutputError(MtreviewError):
    """An output cannot be written (read-only folder, disk full...): exit status 1."""

    exit_code = 1


@dataclass(frozen=True)
class FileId:
    """A path as given, its real path, and its (device, inode) when it exists."""

    path: str
    real: str
    inode: tuple[int, int] | None
    is_dir: bool = False


def file_id(path: str | os.PathLike[str]) -> FileId:
    """Identify ``path``: real path (symbolic links resolved) and device/inode if it exists."""
    real = os.path.realpath(os.fspath(path))
    try:
        st = os.stat(path)  # follows links, /proc's magic links included
    except OSError:
        return FileId(os.fspath(path), real, None)
    return FileId(os.fspath(path), real, (st.st_dev, st.st_ino), stat.S_ISDIR(st.st_mode))


def same_file(a: FileId, b: FileId) -> bool:
    """Do ``a`` and ``b`` name the same file (same real path, or same device and inode)?"""
    return a.real == b.real or (a.inode is not None and a.inode == b.inode)


def check_target(path: str | os.PathLike[str], what: str = "-o", stdout_ok: bool = False) -> str:
    """Refuse a target that is not (or cannot become) a regular file; return its real path.

    A symbolic link to a regular file is followed (the file it points to is written)."""
    name = os.fspath(path)
    real = os.path.realpath(name)
    hint = " or '-' for standard output" if stdout_ok else ""
    try:
        st = os.stat(name)  # follows links, /proc's magic links included
    except (FileNotFoundError, NotADirectoryError):  # not there yet (or under a file: see below)
        st = None
    except OSError as e:
        raise OutputError(f"{name}: cannot be written ({e.strerror or e})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(f"{name}: {what} names a folder; give a file name{hint}")
        if not stat.S_ISREG(st.st_mode):
            kind = ("a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                    else "a pipe" if stat.S_ISFIFO(st.st_mode)
                    else "a socket" if stat.S_ISSOCK(st.st_mode) else "a special file")
            via = f" (through the link to {real})" if real != os.path.abspath(name) else ""
            raise UsageError(f"{name}: {what} is {kind}{via}, not a regular file; mtreview writes only "
                             f"regular files{hint}")
        try:
            rst = os.stat(real)
        except OSError:
            rst = None
        if rst is None or (rst.st_dev, rst.st_ino) != (st.st_dev, st.st_ino):
            raise UsageError(f"{name}: {what} is a link that cannot be followed to a file path; "
                             "give the file's own path")
        return real
    parent = Path(real).parent
    while True:
        try:
            pst = os.stat(parent)
        except (FileNotFoundError, NotADirectoryError):
            if parent.parent == parent:
                return real
            parent = parent.parent
            continue
        except OSError as e:
            raise OutputError(f"{name}: cannot be written ({e.strerror or e})") from None
        if not stat.S_ISDIR(pst.st_mode):
            raise UsageError(f"{name}: {what} cannot be written: {parent} is a file, not a folder")
        return real


class OutputGuard:
    """What a command reads and what it will write; refuses an output that would destroy either.

    Call :meth:`reads` for every file read (``None`` and ``-`` are ignored), then :meth:`writes` for
    every output, before writing anything."""

    def __init__(self) -> None:
        self._read_real: dict[str, tuple[str, FileId]] = {}
        self._read_inode: dict[tuple[int, int], tuple[str, FileId]] = {}
        self._read_dirs: list[tuple[str, FileId]] = []
        self._out_real: dict[str, tuple[str, FileId]] = {}
        self._out_inode: dict[tuple[int, int], tuple[str, FileId]] = {}

    def reads(self, path: str | os.PathLike[str] | None, what: str = "the input") -> None:
        """Record a file (or a folder: every existing file under it) that the command reads."""
        if path is None or os.fspath(path) in ("", "-"):
            return
        fid = file_id(path)
        if fid.is_dir:
            self._read_dirs.append((what, fid))
            return
        self._read_real.setdefault(fid.real, (what, fid))
        if fid.inode is not None:
            self._read_inode.setdefault(fid.inode, (what, fid))

    def reads_database(self, path: str | os.PathLike[str]) -> None:
        """Record an SQLite database and its journal files (``-wal``, ``-shm``, ``-journal``)."""
        self.reads(path, "the database")
        for suffix in ("-wal", "-shm", "-journal"):
            self.reads(os.fspath(path) + suffix, "the database's journal")

    def _read_match(self, fid: FileId) -> tuple[str, FileId] | None:
        hit = self._read_real.get(fid.real)
        if hit is None and fid.inode is not None:
            hit = self._read_inode.get(fid.inode)
        if hit is None and fid.inode is not None:  # an existing file inside a folder that is read
            for what, d in self._read_dirs:
                if fid.real.startswith(d.real.rstrip(os.sep) + os.sep):
                    return what, d
        return hit

    def writes(self, path: str | os.PathLike[str] | None, what: str = "-o", stdout_ok: bool = True) -> None:
        """Check one output (``None`` and ``-``, standard output, pass); raise :class:`UsageError` if refused."""
        if path is None or (stdout_ok and os.fspath(path) == "-"):
            return
        name = os.fspath(path)
        check_target(name, what, stdout_ok)
        fid = file_id(name)
        hit = self._read_match(fid)
        if hit is not None:
            role, other = hit
            inside = "" if not other.is_dir else " (it is inside that folder)"
            raise UsageError(f"{name}: {what} is the same file as {role} {other.path}{inside}; "
                             "mtreview never overwrites its input")
        dup = self._out_real.get(fid.real) or (self._out_inode.get(fid.inode) if fid.inode else None)
        if dup is not None:
            role, other = dup
            raise UsageError(f"{name}: {what} and {role} ({other.path}) are the same file; give each output its own name")
        self._out_real[fid.real] = (what, fid)
        if fid.inode is not None:
            self._out_inode[fid.inode] = (what, fid)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux ``/proc``)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    old = os.umask(0o022)  # pragma: no cover - not Linux
    os.umask(old)
    return old


def new_file_mode(target: str | os.PathLike[str]) -> int:
    """Permissions for a file written over ``target``: its own when it exists, else 0o666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~current_umask()
