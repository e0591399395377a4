namespace Storyline.Storage;
