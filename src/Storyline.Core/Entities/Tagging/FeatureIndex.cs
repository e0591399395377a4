using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Storyline.Entities.Tagging;

/// <summary>
/// Finds a feature's weight row from its hash: an open-addressing table of 32-bit feature keys, at most half full.
/// Read-only once built.
/// </summary>
internal sealed class FeatureIndex
{
    // Key and row side by side, so that a look-up touches one cache line.
    private readonly ulong[] slots;
    private readonly int mask;

    /// <summary>Indexes <paramref name="keys"/>: key <c>keys[r]</c> finds row r.</summary>
    public FeatureIndex(uint[] keys)
    {
        int capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        mask = capacity - 1;
        slots = new ulong[capacity];
        for (int row = 0; row < keys.Length; row++)
        {
            int slot = (int)(Scramble(keys[row]) & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = ((ulong)(uint)row << 32) | keys[row];
        }
    }

    /// <summary>The 32-bit key of a feature hash; 0 marks an empty slot, so no key is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(ulong hash)
    {
        uint key = (uint)(hash ^ (hash >> 32));
        return key == 0 ? 1 : key;
    }

    /// <summary>The row of a feature, or −1 where the model has no weights for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong hash)
    {
        uint key = Key(hash);
        ulong[] table = slots;
        int slot = (int)(Scramble(key) & (uint)mask);
        while (true)
        {
            // The slot is masked to the table's length: no bounds check needed.
            ulong entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), slot);
            uint found = (uint)entry;
            if (found == key)
            {
                return (int)(entry >> 32);
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>
    /// The rows of the features in <paramref name="hashes"/> that have one, in order, into <paramref name="rows"/>;
    /// returns how many.
    /// </summary>
    /// <remarks>
    /// The first slot of every feature is read before any is examined: those reads do not depend on one another or
    /// on a branch, so their cache misses overlap, where a look-up at a time would wait for each in turn.
    /// </remarks>
    public int Rows(ReadOnlySpan<ulong> hashes, Span<int> rows)
    {
        int n = hashes.Length;
        if (rows.Length < n)
        {
            throw new ArgumentException("One row per feature is needed.", nameof(rows));
        }

        Span<ulong> entries = n <= 128 ? stackalloc ulong[n] : new ulong[n];
        Span<uint> keys = n <= 128 ? stackalloc uint[n] : new uint[n];
        ref ulong table = ref MemoryMarshal.GetArrayDataReference(slots);
        for (int k = 0; k < n; k++)
        {
            uint key = Key(hashes[k]);
            keys[k] = key;

            // The slot is masked to the table's length: no bounds check needed.
            entries[k] = Unsafe.Add(ref table, (int)(Scramble(key) & (uint)mask));
        }

        int found = 0;
        for (int k = 0; k < n; k++)
        {
            uint key = keys[k];
            ulong entry = entries[k];
            int slot = (int)(Scramble(key) & (uint)mask);
            while ((uint)entry != key && (uint)entry != 0)
            {
                slot = (slot + 1) & mask;
                entry = Unsafe.Add(ref table, slot);
            }

            if ((uint)entry == key)
            {
                rows[found++] = (int)(entry >> 32);
            }
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Scramble(uint key) => key * 0x9E3779B1u ^ (key >> 15);
}
