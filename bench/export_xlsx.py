"""Server time of the budget XLSX export (standard BUDGET_EXPORT plugin) of the maxed-out budget, and of the two
programme data exports (projects, partners).

Builds the scratch database of bench/budget_scale.py (a small project and the large one: 50 partners × 300
budget rows × 60 periods, 50 lump sums, co-financing) and times, over --repeat runs after one warm-up,
`jems.projects.exports.export.export_budget` on the large project (load, plugin registry, the workbook with its
four sheets, the per-row one with 15,000 row lines) and the projects and partners XLSX plugins through the
registry. Prints the p50 / max seconds and the file sizes.

Run:  .venv/bin/python bench/export_xlsx.py [--repeat 5]
Exits non-zero when the budget export's p50 is 3 s or more. Nothing outside the temporary directory is touched.
"""

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import budget_scale  # noqa: E402

LIMIT_SECONDS = 3.0


def timed(call, repeat: int) -> tuple[float, float, int]:
    """(p50 s, max s, size in bytes of the last result) of `repeat` calls after one warm-up."""
    result = call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), len(result.content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        budget_scale.setup_django(Path(tmp))
        from jems.plugins import registry
        from jems.plugins.hookspecs import HOOKS, PluginType
        from jems.programme.exports.data import PARTNERS_PLUGIN_KEY, PROJECTS_PLUGIN_KEY
        from jems.projects.exports.export import export_budget

        setup = budget_scale.call_setup()
        budget_scale.build("small", setup)
        large, user = budget_scale.build("large", setup)
        hook = HOOKS[PluginType.PROGRAMME_DATA_EXPORT]
        cases = {
            "budget XLSX, large project (50 partners × 300 rows × 60 periods)": lambda: export_budget(
                actor=user, project_id=large.pk, export_language="EN", data_language="EN"),
            "programme data: projects XLSX (2 projects)": lambda: registry.run(
                PROJECTS_PLUGIN_KEY, hook, export_language="EN", data_language="EN", plugin_options=""),
            "programme data: partners XLSX (52 partners)": lambda: registry.run(
                PARTNERS_PLUGIN_KEY, hook, export_language="EN", data_language="EN", plugin_options=""),
        }
        print(f"Python {platform.python_version()}, {args.repeat} timed runs after one warm-up.\n")
        print("| export | p50 s | max s | size KiB |")
        print("|---|---:|---:|---:|")
        results = {}
        for name, call in cases.items():
            p50, top, size = timed(call, args.repeat)
            results[name] = p50
            print(f"| {name} | {p50:.2f} | {top:.2f} | {size / 1024:.0f} |")
        budget_p50 = next(iter(results.values()))
        if budget_p50 >= LIMIT_SECONDS:
            print(f"\nThe budget export took {budget_p50:.2f} s (p50), the limit is {LIMIT_SECONDS} s.")
            return 1
        return 0


if __name__ == "__main__":
    sys.exit(main())
