"""The handbook's programs: exports (PDF, Anki, offline zip), screenshots and the benchmark. Run
each as a module from the project folder: `.venv/bin/python -m scripts.export_pdf site`."""
