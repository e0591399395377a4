namespace Storyline.Sources;
