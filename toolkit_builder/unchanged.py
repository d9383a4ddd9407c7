"""Whether a build would change nothing: every artifact is in the cache and every input of the
site is what the last build had, so site/ is left as it is and MkDocs is not run at all.

The site's inputs are the code (templates, interface strings), mkdocs.yml, partners.yml, every
file of the workshops' folder and of the themes, and the artifacts' hashes (the Downloads boxes
and the manifest). Any change to one of them rebuilds the whole site: MkDocs has no safe way to
rebuild one page of a site whose catalogue, search index and sitemap span every page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .cache import Cache, context_key, document_key, package_key_of
from .diagnostics import Diagnostic
from .fingerprint import code_fingerprint, package_fingerprint
from .plan import Plan
from .project import Project

KEY_FILE = "site.key"     # in .cache/: the site inputs' hash of the last full build


def _files(folder: Path, digest) -> None:
    """Add every file under a folder (its path and bytes) to a digest."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def site_key(project: Project, plan: Plan, cache: Cache,
             contexts) -> tuple[str, list[Diagnostic]] | None:
    """Return the hash of everything the site is made from and the artifacts' cached findings,
    or None when an artifact is not in the cache (it has to be built)."""
    code, settings = code_fingerprint(), project.settings
    hashes: dict[str, str] = {}
    shas: dict[str, str] = {}
    found: list[Diagnostic] = []
    for job in plan.jobs:
        slug = job.partner_slug
        if slug not in hashes:
            hashes[slug] = context_key(code, contexts(job))
        if job.inputs:
            if any(path not in shas for path in job.inputs):
                return None
            key = package_key_of(job.kind.name, job.path, hashes[slug], job.workshop,
                                 [(p, bytes.fromhex(shas[p])) for p in job.inputs], job.partner)
        else:
            key = document_key(job.kind.name, job.path, hashes[slug], job.workshop, job.partner)
        record = cache.record(key)
        if record is None:
            return None
        shas[job.path] = record[0]
        found.extend(record[1])
    digest = hashlib.sha256(package_fingerprint().encode())  # the site prints every catalogue
    for name in ("mkdocs.yml", "partners.yml"):
        path = settings.root / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    _files(settings.docs_dir, digest)
    _files(settings.themes_dir, digest)
    for path, sha in sorted(shas.items()):
        digest.update(f"{path}\0{sha}\n".encode())
    return digest.hexdigest(), found


def last_key(cache_dir: Path, site_dir: Path) -> str | None:
    """Return the site key of the last full build, if its site/ is still there."""
    try:
        if not (site_dir / "manifest.json").is_file():
            return None
        return (cache_dir / KEY_FILE).read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def remember(cache_dir: Path, key: str) -> None:
    """Record the site key of a finished full build."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        (cache_dir / KEY_FILE).write_text(key, encoding="ascii")
    except OSError:
        pass  # the next build just does the work again
