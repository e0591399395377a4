using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Storyline.Ingest;

/// <summary>
/// Applies a function to a sequence on several threads and hands the results on in the sequence's order, as soon as
/// each next one is ready. At most <c>window</c> items are between the reader of the sequence and the consumer, so
/// memory stays bounded however long the sequence, and the consumer never waits for a whole batch to finish: there is
/// no batch, and so no tail where one slow item holds back the rest while cores sit idle.
/// </summary>
internal static class OrderedParallelMap
{
    /// <summary>
    /// The results of <paramref name="map"/> over <paramref name="source"/>, in <paramref name="source"/>'s order.
    /// <paramref name="source"/> is enumerated on one thread of its own (it may read a file); <paramref name="map"/>
    /// runs on <paramref name="workers"/> threads and must not throw (an exception it throws stops the run and is
    /// rethrown to the consumer). Stopping the enumeration early stops the reader and the workers before it returns.
    /// </summary>
    public static async IAsyncEnumerable<TOut> RunAsync<TIn, TOut>(
        IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var room = new SemaphoreSlim(window);

        // The reader writes each item's result-to-be to `order` (in order) and the item to `work` (taken by any worker).
        var order = Channel.CreateUnbounded<Task<TOut>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateUnbounded<(TIn Item, TaskCompletionSource<TOut> Result)>(new UnboundedChannelOptions { SingleWriter = true });
        Task reading = Task.Run(() => ReadAsync(source, room, order.Writer, work.Writer, stop.Token), CancellationToken.None);
        Task[] working = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(work.Reader, map, stop.Token), CancellationToken.None))];
        try
        {
            await foreach (Task<TOut> next in order.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                stop.Token.ThrowIfCancellationRequested();

                // Cancellable: a result whose item no worker will take any more (the workers stop on cancellation) must not
                // be waited for.
                TOut result = await next.WaitAsync(stop.Token).ConfigureAwait(false);
                room.Release();
                yield return result;
            }

            await reading.ConfigureAwait(false);
        }
        finally
        {
            // Early stop, failure or the end: nothing may go on reading the source (a file the caller will close).
            await stop.CancelAsync().ConfigureAwait(false);
            work.Writer.TryComplete();
            try
            {
                await Task.WhenAll([reading, .. working]).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The reader stopped waiting for room: expected here.
            }

            // Items no worker took: nobody waits for them, but no task is left pending either.
            while (work.Reader.TryRead(out (TIn Item, TaskCompletionSource<TOut> Result) left))
            {
                left.Result.TrySetCanceled(stop.Token);
            }
        }
    }

    private static async Task ReadAsync<TIn, TOut>(
        IEnumerable<TIn> source, SemaphoreSlim room, ChannelWriter<Task<TOut>> order, ChannelWriter<(TIn, TaskCompletionSource<TOut>)> work, CancellationToken cancellationToken)
    {
        try
        {
            foreach (TIn item in source)
            {
                await room.WaitAsync(cancellationToken).ConfigureAwait(false);
                var result = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
                order.TryWrite(result.Task);
                work.TryWrite((item, result));
            }

            order.TryComplete();
            work.TryComplete();
        }
        catch (Exception ex)
        {
            // The consumer sees the failure after the results before it (an early stop shows as a cancellation).
            order.TryComplete(ex);
            work.TryComplete();
        }
    }

    private static async Task WorkAsync<TIn, TOut>(ChannelReader<(TIn Item, TaskCompletionSource<TOut> Result)> work, Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        try
        {
            await foreach ((TIn item, TaskCompletionSource<TOut> result) in work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopped: the rest of the queue is not worth analysing.
                    result.TrySetCanceled(cancellationToken);
                    continue;
                }

                try
                {
                    result.SetResult(map(item));
                }
                catch (Exception ex)
                {
                    result.SetException(ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early: the consumer no longer waits for anything.
        }
    }
}
