"""What a visitor downloads: PDFs of the sheets, kits per phase, the offline pack."""
