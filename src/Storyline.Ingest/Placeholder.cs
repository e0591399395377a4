namespace Storyline.Ingest;
