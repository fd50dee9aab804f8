"""Reading posts from files and stdin: lazily, line by line, never trusting the bytes.

A scan of a million posts holds one line at a time. A bad line becomes an ``Item`` with an
error, so the scan reports it and goes on; only a file that cannot be read at all (missing,
a folder, binary, the wrong encoding named) stops it.
"""

from __future__ import annotations

import io as _io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO as TypingIO, Any

from socialguard.analysis.post import Post
from socialguard.cli.common import require_file
from socialguard.errors import PostError, SocialguardError

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Item:
    """One input line: a post, or the reason it could not be read."""

    line: int
    id: str
    post: Post | None = None
    error: str | None = None


def _cp1252_hint(raw: bytes) -> str:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "save the file as UTF-8, or name its encoding with --encoding"
    return "it looks like Windows-1252: pass --encoding cp1252, or save the file as UTF-8"


def _not_utf8(raw: bytes, err: UnicodeDecodeError) -> str:
    return (f"not UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}); "
            + _cp1252_hint(raw))


_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def _looks_binary(head: bytes) -> bool:
    """NUL in the first line, or many control bytes: not a text file, whatever one bad line."""
    if b"\x00" in head.split(b"\n", 1)[0]:
        return True
    return bool(head) and sum(head.count(bytes([c])) for c in _CONTROL) > len(head) * 0.1


def _sniff(head: bytes, source: str, encoding: str | None) -> None:
    """Stop early on input that is not text at all, or is UTF-16 without --encoding."""
    if encoding is None and head.startswith(_UTF16_BOMS):
        raise SocialguardError("UTF-16 text; save it as UTF-8 or pass --encoding utf-16",
                               file=source)
    if encoding is None and _looks_binary(head):
        raise SocialguardError("binary data, not text; expected JSON (one post per line)",
                               file=source)


def post_from_json(text: str, *, line: int, base_dir: Path | None) -> Item:
    """Parse one JSON line into an Item; never raises for bad content."""
    where = f"line {line}"
    text = text.rstrip("\r\n")  # so a column at the end of the line is on this line
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        return Item(line, where, error=f"{where}: not valid JSON: {e.msg} (column {e.colno})")
    except RecursionError:
        return Item(line, where, error=f"{where}: JSON nested too deeply")
    pid = _id_of(data) or where
    try:
        return Item(line, pid, post=Post.from_dict(data, base_dir=base_dir))
    except PostError as e:
        field = f"field '{e.field}': " if e.field else ""
        return Item(line, pid, error=f"{where}: {field}{e.message}")


def _id_of(data: Any) -> str | None:
    if isinstance(data, dict):
        pid = data.get("id")
        if isinstance(pid, (str, int)) and not isinstance(pid, bool) and str(pid).strip():
            return str(pid)
    return None


def _binary_lines(stream: TypingIO[bytes], source: str, encoding: str | None
                  ) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, error) for each line of a byte stream."""
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    _sniff(head, source, encoding)
    if encoding is not None:
        # A named encoding may not be ASCII-compatible (UTF-16), so let Python split lines.
        text_stream = _io.TextIOWrapper(stream, encoding=encoding, newline=None)
        n = 0
        try:
            for n, line in enumerate(text_stream, start=1):
                yield n, line.lstrip("\ufeff") if n == 1 else line, None
        except UnicodeDecodeError as e:
            raise SocialguardError(f"cannot decode as {encoding}: {e.reason}",
                                   file=source, line=n + 1) from None
        return
    for n, raw in enumerate(stream, start=1):
        if n == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM):]
        if b"\x00" in raw:
            yield n, None, f"line {n}: binary data (NUL bytes); expected one JSON object"
            continue
        try:
            yield n, raw.decode("utf-8"), None
        except UnicodeDecodeError as e:
            yield n, None, f"line {n}: {_not_utf8(raw, e)}"


def _text_lines(stream: TypingIO[str]) -> Iterator[tuple[int, str | None, str | None]]:
    for n, line in enumerate(stream, start=1):
        yield n, line.lstrip("\ufeff") if n == 1 else line, None


def iter_posts(path: str, *, stdin: TypingIO[str] | None = None,
               encoding: str | None = None, opened: dict | None = None) -> Iterator[Item]:
    """Items of a JSON-lines file (``-`` reads stdin), in order; blank lines are skipped.

    ``opened["file"]`` is set to the open binary file, so a progress bar can ask how far
    the reader has got.
    """
    if path == "-":
        if stdin is None:
            raise SocialguardError("no standard input to read", file="-")
        buffer = getattr(stdin, "buffer", None)
        lines = (_binary_lines(buffer, "<stdin>", encoding) if buffer is not None
                 else _text_lines(stdin))
        yield from _items(lines, base_dir=Path.cwd())
        return
    p = require_file(path, "posts file")
    try:
        fh = open(p, "rb")  # noqa: SIM115 - closed in finally, generator-scoped
    except OSError as e:
        raise SocialguardError(f"cannot read: {e.strerror}", file=str(p)) from None
    if opened is not None:
        opened["file"] = fh
    try:
        yield from _items(_binary_lines(fh, str(p), encoding), base_dir=p.parent)
    finally:
        fh.close()


def _items(lines, *, base_dir: Path) -> Iterator[Item]:
    for n, text, error in lines:
        if error is not None:
            yield Item(n, f"line {n}", error=error)
        elif text.strip():
            yield post_from_json(text, line=n, base_dir=base_dir)


def read_one_post(path: str, *, stdin: TypingIO[str] | None = None,
                  encoding: str | None = None) -> Post:
    """One post from a JSON file (``-`` reads stdin); errors name the file, line and field."""
    source = "<stdin>" if path == "-" else path
    if path == "-":
        if stdin is None:
            raise SocialguardError("no standard input to read", file="-")
        buffer = getattr(stdin, "buffer", None)
        raw = buffer.read() if buffer is not None else None
        text = stdin.read() if raw is None else None
        base_dir = Path.cwd()
    else:
        p = require_file(path, "post file")
        try:
            raw = p.read_bytes()
        except OSError as e:
            raise SocialguardError(f"cannot read: {e.strerror}", file=str(p)) from None
        text = None
        base_dir = p.parent
    if raw is not None:
        _sniff(raw[:4096], source, encoding)
        if encoding is not None:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as e:
                raise SocialguardError(f"cannot decode as {encoding}: {e.reason}", file=source,
                                       line=raw[: e.start].count(b"\n") + 1) from None
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as e:
                line = raw[: e.start].count(b"\n") + 1
                bad_line = raw.splitlines()[line - 1] if raw.splitlines() else raw
                raise SocialguardError(
                    f"not UTF-8 (byte 0x{raw[e.start]:02x}); " + _cp1252_hint(bad_line),
                    file=source, line=line) from None
    assert text is not None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise SocialguardError("empty; expected one post as a JSON object like "
                               '{"id": "p1", "text": "..."}', file=source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        hint = None
        if e.msg == "Extra data":
            hint = "check reads one post; for a file of posts, one per line, use `socialguard scan`"
        raise SocialguardError(f"not valid JSON: {e.msg} (column {e.colno})", file=source,
                               line=e.lineno, hint=hint) from None
    except RecursionError:
        raise SocialguardError("JSON nested too deeply", file=source) from None
    try:
        return Post.from_dict(data, base_dir=base_dir)
    except PostError as e:
        e.file = source
        raise
