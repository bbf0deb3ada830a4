"""Builds kommunkoll's sample PDFs and their ground truth from one data model."""
