"""Learn src/threadline/resources/brands/sound_model.csv (see threadline.names.soundmodel and threadline.soundlearn)
from the training part of the listed companies' Chinese and English names (held-out companies never read).

Usage: python scripts/build_brand_sounds.py [DATA_DIR]
"""

from __future__ import annotations

from threadline.names.soundmodel import TABLE
from threadline.resourcegen import run
from threadline.soundlearn import table_text

OUT = TABLE
build = table_text


def main() -> None:
    run(OUT, build)


if __name__ == "__main__":
    main()
