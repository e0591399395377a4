using Xunit;

namespace Storyline.Ingest.Tests;

public sealed class OrderedParallelMapTests
{
    [Fact]
    public async Task Results_come_in_the_source_order_even_when_later_items_finish_first()
    {
        // Item i sleeps longer the smaller i is, so the workers finish them in reverse order within the window.
        var results = new List<int>();
        await foreach (int value in OrderedParallelMap.RunAsync(Enumerable.Range(0, 40), i => { Thread.Sleep((40 - i) % 7); return i * 10; }, workers: 4, window: 8))
        {
            results.Add(value);
        }

        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * 10), results);
    }

    [Fact]
    public async Task The_source_is_never_read_more_than_the_window_ahead_of_the_consumer()
    {
        int read = 0;
        int furthestAhead = 0;
        int consumed = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 200; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        await foreach (int value in OrderedParallelMap.RunAsync(Source(), i => i, workers: 2, window: 5))
        {
            await Task.Delay(1);
            furthestAhead = Math.Max(furthestAhead, Volatile.Read(ref read) - consumed);
            consumed++;
        }

        // Read but not yet consumed: the item in hand, the window's five, and one taken from the source that waits for room.
        Assert.Equal(200, consumed);
        Assert.InRange(furthestAhead, 1, 7);
    }

    [Fact]
    public async Task An_exception_in_the_function_reaches_the_consumer_after_the_results_before_it()
    {
        var results = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (int value in OrderedParallelMap.RunAsync(Enumerable.Range(0, 20), i => i == 12 ? throw new InvalidOperationException("item 12") : i, workers: 3, window: 4))
            {
                results.Add(value);
            }
        });

        Assert.Equal("item 12", error.Message);
        Assert.Equal(Enumerable.Range(0, 12), results);
    }

    [Fact]
    public async Task A_failing_source_is_reported_after_the_items_it_gave()
    {
        IEnumerable<int> Source()
        {
            yield return 1;
            yield return 2;
            throw new IOException("spill file unreadable");
        }

        var results = new List<int>();
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (int value in OrderedParallelMap.RunAsync(Source(), i => i, workers: 2, window: 4))
            {
                results.Add(value);
            }
        });

        Assert.Equal("spill file unreadable", error.Message);
        Assert.Equal([1, 2], results);
    }

    [Fact]
    public async Task Stopping_early_stops_reading_the_source_before_the_loop_returns()
    {
        int read = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        await foreach (int value in OrderedParallelMap.RunAsync(Source(), i => i, workers: 2, window: 16))
        {
            if (value == 10)
            {
                break;
            }
        }

        int afterStop = Volatile.Read(ref read);
        await Task.Delay(50);
        Assert.Equal(afterStop, Volatile.Read(ref read));
        Assert.InRange(afterStop, 11, 11 + 17);
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        var results = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int value in OrderedParallelMap.RunAsync(Enumerable.Range(0, 1000), i => i, workers: 2, window: 8, cancel.Token))
            {
                results.Add(value);
                if (value == 5)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(Enumerable.Range(0, 6), results);
    }

    [Fact]
    public async Task Cancellation_is_seen_while_waiting_for_a_result_that_is_not_ready()
    {
        using var cancel = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var results = new List<int>();
        Task run = Task.Run(async () =>
        {
            await foreach (int value in OrderedParallelMap.RunAsync(Enumerable.Range(0, 10), i =>
            {
                if (i == 0)
                {
                    started.Set();
                    release.Wait();
                }

                return i;
            }, workers: 2, window: 4, cancel.Token))
            {
                results.Add(value);
            }
        });

        // While the first result is still being made, the run is cancelled, and only then may the work finish.
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        await cancel.CancelAsync();
        await Task.Delay(100);
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(results);
    }
}
