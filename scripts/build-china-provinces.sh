#!/usr/bin/env sh
# Rebuilds data/china-provinces/ (panel.csv, repairs.csv, w_contiguity.csv, w_economic_distance.csv) from the
# source files in ../shared/data/nqpf. The build is deterministic: the test ChinaProvincesDatasetTests regenerates it
# into a temporary folder and compares the bytes with the committed files.
# Usage (from the repository root): scripts/build-china-provinces.sh [SOURCE_DIR]
set -eu
src="${1:-../shared/data/nqpf}"
dotnet run --project src/Xinzhi.Cli -- dataset build-china-provinces --from "$src" --out data/china-provinces
