import "missing.fp" as p2023
import "import_cycle.fp"
