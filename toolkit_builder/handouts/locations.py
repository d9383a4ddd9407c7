"""Addresses of the files a handout may load: `ktw://workshop-<slug>/…` and `ktw://theme-<name>/…`.

Why not file:// URLs: WeasyPrint names embedded images after their URL, so absolute paths would
make the PDF depend on where the project is checked out; these addresses keep rebuilds
byte-identical anywhere, and they make the fetcher's rule simple (only these hosts, only files
inside them). The host names the workshop and the theme because the image cache is shared by every
document of a process.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

SCHEME = "ktw"


def url_for(host: str, folder: Path, path: Path) -> str:
    """Return the address of a file inside a folder."""
    relative = Path(path).resolve().relative_to(Path(folder).resolve()).as_posix()
    return f"{SCHEME}://{host}/{quote(relative)}"


def workshop_host(folder: Path) -> str:
    """Return the host name of a workshop folder's files."""
    return f"workshop-{Path(folder).name}"


def theme_host(folder: Path) -> str:
    """Return the host name of a theme folder's files."""
    return f"theme-{Path(folder).name}"


def workshop_url(folder: Path, path: Path) -> str:
    """Return the address of a file of the workshop folder."""
    return url_for(workshop_host(folder), folder, path)


def theme_url(folders: tuple[Path, ...], path: Path) -> str:
    """Return the address of a file of one of the theme folders."""
    path = Path(path).resolve()
    for folder in folders:
        if path.is_relative_to(Path(folder).resolve()):
            return url_for(theme_host(folder), folder, path)
    raise ValueError(f"{path} is not inside the theme")


def roots(workshop_folder: Path, theme_folders: tuple[Path, ...]) -> dict[str, Path]:
    """Return the folders a document may read from, by host name."""
    out = {workshop_host(workshop_folder): Path(workshop_folder).resolve()}
    out.update({theme_host(folder): Path(folder).resolve() for folder in theme_folders})
    return out


def local_path(url: str, allowed: dict[str, Path]) -> Path | None:
    """Return the file an address names if it is an existing file inside its folder, else None."""
    parts = urlsplit(url)
    folder = allowed.get(parts.netloc) if parts.scheme == SCHEME else None
    if folder is None:
        return None
    path = (folder / unquote(parts.path).lstrip("/")).resolve()
    return path if path.is_relative_to(folder) and path.is_file() else None
