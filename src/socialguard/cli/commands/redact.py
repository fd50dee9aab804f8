"""`socialguard redact`: write a safe copy of each image of a post (or of image files).

Faces of pupils without photo consent are blurred (every face, unless consent covers the
whole post), text in the picture that breaks the policy is boxed out, and all metadata
(GPS position, device, owner) is removed. The original files are never written to.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialguard.analysis.images.info import UNAVAILABLE
from socialguard.analysis.images.load import ImageReadError
from socialguard.analysis.images.redact import (
    SameFileError, output_path, plan_post, redact_image, strip_metadata,
)
from socialguard.analysis.post import Post
from socialguard.cli import common
from socialguard.cli.common import (
    add_context_args, add_engine_args, load_policy_arg, load_school, parse_rules,
)
from socialguard.cli.reading import iter_posts
from socialguard.errors import SocialguardError

NAME = "redact"
HELP = ("write safe copies of a post's images: faces blurred, text with personal data "
        "covered, metadata stripped (originals are never changed)")
POST_SUFFIXES = (".json", ".jsonl", ".ndjson")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="POST.json|IMAGE",
                   help="a post (.json, or .jsonl for several) whose images to redact, "
                        "or image files")
    add_context_args(p)
    p.add_argument("--out", metavar="DIR", required=True,
                   help="folder for the copies (created if missing); never the originals' folder "
                        "files themselves")
    p.add_argument("--strip-metadata-only", action="store_true",
                   help="only remove metadata; leave faces and text (lossless for JPEG)")
    add_engine_args(p)


def run(args: argparse.Namespace, io) -> int:
    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        raise SocialguardError("is a file; --out expects a folder", file=str(out_dir))
    posts = _posts(args.inputs)
    school = load_school(args.context, stderr=io.stderr)
    engine = None if args.strip_metadata_only else common.make_engine(
        load_policy_arg(args.policy), parse_rules(args.rules))
    failures = 0
    many = len(posts) > 1
    for post in posts:
        prefix = f"{post.id}-" if many else ""
        if args.strip_metadata_only:
            from socialguard.analysis.images.info import inspect_image
            items = [(inspect_image(post, n), None) for n in post.images]
        else:
            items = [(None, plan) for plan in plan_post(post, school, engine)]
        for info, plan in items:
            name = plan.name if plan else info.name
            path = plan.path if plan else info.path
            error = plan.error if plan else (info.error if info.status != "ok" else None)
            if path is None or not path.exists():
                print(f"socialguard: error: {name}: file not found", file=io.stderr)
                failures += 1
                continue
            if error or (info is not None and info.status == UNAVAILABLE):
                print(f"socialguard: error: {name}: {error}", file=io.stderr)
                failures += 1
                continue
            fmt = plan.fmt if plan else info.format
            dest = output_path(path, out_dir, fmt, prefix)
            try:
                if plan:
                    r = redact_image(path, dest, faces=plan.faces, boxes=plan.boxes)
                    note = f" (faces kept: {plan.faces_kept_because})" if plan.faces_kept_because else ""
                else:
                    r = strip_metadata(path, dest)
                    note = ""
            except SameFileError as e:
                raise SocialguardError(str(e), field="--out") from None
            except (ImageReadError, OSError) as e:
                print(f"socialguard: error: {name}: {e}", file=io.stderr)
                failures += 1
                continue
            what = "metadata stripped" if args.strip_metadata_only else r.summary()
            print(f"{dest}: {what}{note}", file=io.stdout)
    return 1 if failures else 0


def _posts(inputs: list[str]) -> list[Post]:
    """Posts from .json/.jsonl files; bare image files become one post without text."""
    posts: list[Post] = []
    images: list[str] = []
    for raw in inputs:
        if Path(raw).suffix.lower() in POST_SUFFIXES:
            for item in iter_posts(raw):
                if item.error:
                    raise SocialguardError(item.error, file=raw, line=item.line)
                posts.append(item.post)
        else:
            images.append(str(Path(raw).resolve()))
    if images:
        posts.append(Post(id="images", text="", images=images))
    if not any(p.images for p in posts):
        raise SocialguardError("no images to redact: the post lists none", file=inputs[0])
    return posts
