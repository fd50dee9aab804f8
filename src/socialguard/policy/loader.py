"""Load and validate a policy YAML; errors name the file, line and field."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from socialguard.errors import PolicyError
from socialguard.policy.model import (
    AUDIENCES, STATEMENT_KINDS, Clause, Policy, RuleSpec, Statement,
)

DEFAULT_POLICY = "asset-social-media-policy-v1.0.yaml"
SEVERITY_VALUES = ("block", "review", "advice", "off")
_ROLES = ("staff", "governor", "trustee", "pupil", "parent", "family", "public", "*")
_ACCOUNTS = ("official", "personal")


class _LineLoader(yaml.SafeLoader):
    """Keeps the line of every mapping key so errors can point at it."""


class LineDict(dict):
    lines: dict[str, int]
    line: int


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    d = LineDict()
    d.line = node.start_mark.line + 1
    d.lines = {}
    for knode, vnode in node.value:
        key = loader.construct_object(knode, deep=True)
        if key in d:
            raise PolicyError(f"duplicate key {key!r}", line=knode.start_mark.line + 1, field=str(key))
        d[key] = loader.construct_object(vnode, deep=True)
        d.lines[key] = knode.start_mark.line + 1
    return d


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, msg: str, obj: Any, key: str | None, path: str) -> PolicyError:
        line = None
        if isinstance(obj, LineDict):
            line = obj.lines.get(key, obj.line) if key else obj.line
        return PolicyError(msg, file=self.source, line=line, field=path)

    def get(self, obj: Any, key: str, path: str, kind: type | tuple = str, required: bool = True,
            default: Any = None) -> Any:
        if not isinstance(obj, dict):
            raise self.fail("must be a mapping", obj, None, path)
        if key not in obj or obj[key] is None:
            if required:
                raise self.fail(f"{key} is required", obj, None, f"{path}.{key}" if path else key)
            return default
        val = obj[key]
        if kind is str and isinstance(val, (int, float)) and not isinstance(val, bool):
            val = str(val)
        if not isinstance(val, kind):
            want = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(f"{key} must be a {want}; got {type(val).__name__}", obj, key,
                            f"{path}.{key}" if path else key)
        return val

    def table(self, obj: Any, key: str, path: str, allowed: tuple[str, ...] | None) -> dict[str, str]:
        """A by-audience table; a plain string means the same for everyone."""
        val = obj.get(key)
        if val is None:
            return {}
        if isinstance(val, str):
            val = {"default": val}
        if not isinstance(val, dict):
            raise self.fail(f"{key} must be a value or a mapping of audience to value", obj, key,
                            f"{path}.{key}")
        out = {}
        for k, v in val.items():
            k = str(k)
            role, _, account = k.partition("/")
            if k != "default" and (role not in _ROLES or (account and account not in _ACCOUNTS)):
                raise self.fail(
                    f"audience {k!r} is not a role ({', '.join(_ROLES[:-1])}), "
                    "'*/official', 'role/account' or 'default'", val, k, f"{path}.{key}.{k}")
            v = str(v)
            if allowed and v not in allowed:
                raise self.fail(f"{v!r} is not one of {', '.join(allowed)}", val, k,
                                f"{path}.{key}.{k}")
            out[k] = v
        return out


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    from socialguard.analysis.registry import RULES

    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except PolicyError as e:
        e.file = source
        raise
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise PolicyError(f"not valid YAML: {getattr(e, 'problem', None) or e}", file=source,
                          line=mark.line + 1 if mark else None) from None
    r = _Reader(source)
    if not isinstance(data, dict):
        raise PolicyError("a policy file must be a YAML mapping with clauses: and rules:", file=source)

    clauses = []
    raw_clauses = r.get(data, "clauses", "", list)
    for i, c in enumerate(raw_clauses):
        path = f"clauses[{i}]"
        cid = r.get(c, "id", path)
        auds = tuple(r.get(c, "audiences", path, list, required=False, default=["all"]))
        for a in auds:
            if a != "all" and a not in AUDIENCES:
                raise r.fail(f"audience {a!r} is not one of all, {', '.join(AUDIENCES)}", c,
                             "audiences", f"{path}.audiences")
        stmts = []
        for j, s in enumerate(r.get(c, "statements", path, list, required=False, default=[])):
            spath = f"{path}.statements[{j}]"
            kind = r.get(s, "kind", spath, required=False, default="info")
            if kind not in STATEMENT_KINDS:
                raise r.fail(f"kind {kind!r} is not one of {', '.join(STATEMENT_KINDS)}", s,
                             "kind", f"{spath}.kind")
            stmts.append(Statement(text=r.get(s, "text", spath).strip(), kind=kind,
                                   audiences=tuple(r.get(s, "audiences", spath, list,
                                                         required=False, default=[]))))
        clauses.append(Clause(
            id=cid, title=r.get(c, "title", path), text=r.get(c, "text", path, required=False,
                                                              default="").strip(),
            audiences=auds, statements=tuple(stmts),
            related_policies=tuple(r.get(c, "related_policies", path, list, required=False,
                                         default=[])),
        ))
    ids = [c.id for c in clauses]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise PolicyError(f"clause id(s) {', '.join(sorted(dup))} appear twice", file=source,
                          field="clauses")

    rules = {}
    raw_rules = r.get(data, "rules", "", dict)
    for rid, spec in raw_rules.items():
        path = f"rules.{rid}"
        if rid not in RULES:
            raise r.fail(f"unknown rule id {rid!r}; known: {', '.join(RULES)}", raw_rules, rid, path)
        cl = tuple(str(x) for x in r.get(spec, "clauses", path, list))
        for x in cl:
            if x not in ids:
                raise r.fail(f"clause {x!r} is not in this policy's clauses", spec, "clauses",
                             f"{path}.clauses")
        ctable = r.table(spec, "clause", path, None)
        for k, v in ctable.items():
            if v not in ids:
                raise r.fail(f"clause {v!r} is not in this policy's clauses", spec, "clause",
                             f"{path}.clause.{k}")
        rules[rid] = RuleSpec(
            id=rid, title=r.get(spec, "title", path), clauses=cl, clause=ctable,
            severity=r.table(spec, "severity", path, SEVERITY_VALUES) or {"default": "review"},
            message=r.get(spec, "message", path).strip(), remedy=r.get(spec, "remedy", path).strip(),
            route=r.table(spec, "route", path, None),
        )

    def date(key: str) -> dt.date | None:
        v = data.get(key)
        if v is None or isinstance(v, dt.date):
            return v
        try:
            return dt.date.fromisoformat(str(v))
        except ValueError:
            raise r.fail(f"{key} must be a date like 2019-01-28; got {v!r}", data, key, key) from None

    return Policy(
        id=r.get(data, "id", ""), title=r.get(data, "title", ""), owner=r.get(data, "owner", ""),
        version=r.get(data, "version", ""), type=r.get(data, "type", "", required=False, default=""),
        author=r.get(data, "author", "", required=False, default=""),
        approved_on=date("approved_on"),
        approval_level=r.get(data, "approval_level", "", required=False, default=""),
        review_due=date("review_due"),
        clauses=tuple(clauses), rules=rules, source=source,
    )


@lru_cache(maxsize=8)
def _load_bundled(name: str) -> Policy:
    res = files("socialguard.policy").joinpath("data", name)
    return parse_policy(res.read_text(encoding="utf-8"), source=name)


def load_policy(path: str | Path | None = None) -> Policy:
    """The bundled ASSET policy, or a trust's own policy file."""
    if path is None:
        return _load_bundled(DEFAULT_POLICY)
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyError("policy file not found", file=str(p)) from None
    except IsADirectoryError:
        raise PolicyError("is a folder; expected a policy file", file=str(p)) from None
    except OSError as e:
        raise PolicyError(f"cannot read: {e.strerror}", file=str(p)) from None
    except UnicodeDecodeError:
        raise PolicyError("policy file is not UTF-8", file=str(p)) from None
    return parse_policy(text, source=str(p))
