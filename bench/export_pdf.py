"""Time and memory of the application-form PDF of the maxed-out application (bench/maxed_application.py data:
50 partners, 30 associated organisations, 20 work packages × 20 activities × 20 deliverables, 400 investments,
every text at its maximum length in four languages), rendered in one data language.

Run:  .venv/bin/python bench/export_pdf.py [--repeat 1]
Prints the wall time of each export (data read + layout + PDF writing), the PDF size and page count, and the
peak resident memory of the process (resource.getrusage). Nothing outside a temporary directory is touched.
"""

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from maxed_application import build, setup_django  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        from pypdf import PdfReader

        from jems.projects.exports.export import export_application_form

        project, user = build("max")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = export_application_form(actor=user, project_id=project.pk, export_language="EN",
                                             data_language="EN")
            elapsed = time.perf_counter() - start
            pages = len(PdfReader(io.BytesIO(result.content)).pages)
            print(f"maxed-out application form PDF: {elapsed:.1f} s, {len(result.content) / 1024:,.0f} KiB, "
                  f"{pages} pages")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak RSS {peak / 1024:,.0f} MiB (before the export {before / 1024:,.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
