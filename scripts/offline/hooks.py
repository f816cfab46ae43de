"""MkDocs hooks for the offline build (mkdocs-offline.yml only; the served site does not use them).

Material's offline plugin makes search work from file:// with the iframe-worker shim, which it
would load from unpkg.com. The offline config names a local copy in `extra.polyfills` (so the plugin
adds no CDN address); this hook puts that copy into the built site.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

SHIM = Path(__file__).with_name("iframe-worker.js")


def on_files(files, config):
    for uri in config["extra"].get("polyfills", []):
        if "iframe-worker" in uri and "://" not in uri and files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(SHIM)))
    return files
