"""The offline build (`OFFLINE=true mkdocs build`, which `make offline` runs): what Material's offline
plugin leaves to the site. The served site is untouched: every step runs only with the plugin on.

- Search on file:// needs the iframe-worker shim, which the plugin would load from unpkg.com; this
  names a copy from the npm registry's package (node_modules/iframe-worker) and serves it from the site.
- Instant navigation fetches pages, which browsers refuse on file://, and with it on Material never
  sets a page up there; Material's docs say to turn it off for offline builds. The site leaves it
  off too (mkdocs.yml); this keeps the offline copy working should it be turned back on.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

SHIM_URI = "assets/javascripts/iframe-worker.js"
SHIM = Path(__file__).resolve().parents[2] / "node_modules" / "iframe-worker" / "shim" / "index.js"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before the offline plugin's on_config, which adds unpkg.com unless a shim is named
def on_config(config):
    if not _offline(config):
        return config
    if not SHIM.is_file():
        raise PluginError(f"{SHIM} is missing: run `make setup` (npm ci) first")
    config.extra["polyfills"] = [SHIM_URI]
    config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
    return config


def on_files(files, config):
    if _offline(config):
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
    return files
