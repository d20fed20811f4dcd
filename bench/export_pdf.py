"""Time and memory of the exports of the maxed-out application (bench/maxed_application.py data: 50 partners,
30 associated organisations, 20 work packages × 20 activities × 20 deliverables, 400 investments, every text at its
maximum length in four languages): the application-form PDF in one data language and the budget XLSX.

Run:  .venv/bin/python bench/export_pdf.py [--repeat 3]
Prints per export the p50 and max wall time over the runs (data read, layout and PDF writing / the workbook), the
file size and the PDF's page count, and the peak resident memory of the process (resource.getrusage). Exits
non-zero when the PDF's p50 is 10 s or more, the XLSX's 3 s or more, or the peak memory 1 GiB or more. Nothing
outside a temporary directory is touched.
"""

import argparse
import io
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from maxed_application import build, setup_django  # noqa: E402

LIMITS = {"PDF": 10.0, "XLSX": 3.0}
MEMORY_LIMIT_MIB = 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        from pypdf import PdfReader

        from jems.projects.exports.export import export_application_form, export_budget

        project, user = build("max")
        options = {"actor": user, "project_id": project.pk, "export_language": "EN", "data_language": "EN"}
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        failed = False
        for kind, export in (("PDF", export_application_form), ("XLSX", export_budget)):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = export(**options)
                times.append(time.perf_counter() - start)
            pages = f", {len(PdfReader(io.BytesIO(result.content)).pages)} pages" if kind == "PDF" else ""
            p50 = statistics.median(times)
            print(f"maxed-out application {kind}: p50 {p50:.1f} s, max {max(times):.1f} s, "
                  f"{len(result.content) / 1024:,.0f} KiB{pages}")
            failed |= p50 >= LIMITS[kind]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS {peak:,.0f} MiB (before the exports {before / 1024:,.0f} MiB)")
        return 1 if failed or peak >= MEMORY_LIMIT_MIB else 0


if __name__ == "__main__":
    sys.exit(main())
