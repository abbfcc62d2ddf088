using Palopo.Portal.Infrastructure.Caching;

namespace Palopo.Portal.Application.Tests.Caching;

/// <summary>Reading the cache-signal log when inserts commit out of id order (ADR 0015).</summary>
public sealed class SignalCursorTests
{
    [Fact]
    public void A_row_that_commits_after_a_later_id_is_still_handed_on_once()
    {
        var cursor = new SignalCursor(lookback: 64);
        cursor.Start(newestId: 10, recentIds: [9, 10]);

        // Ids 11 and 12 were taken by two inserts; 12 committed first.
        Assert.Equal([12L], cursor.TakeNew([12L], id => id));
        Assert.Equal(-52, cursor.ReadAfter); // the next read goes back 64 ids

        Assert.Equal([11L], cursor.TakeNew([11L, 12L], id => id));
        Assert.Empty(cursor.TakeNew([9L, 10L, 11L, 12L], id => id));
        Assert.Equal(12, cursor.Last);
    }

    [Fact]
    public void What_was_in_the_log_before_the_start_is_never_handed_on()
    {
        var cursor = new SignalCursor(lookback: 4);
        cursor.Start(newestId: 100, recentIds: [97, 98, 99, 100]);

        Assert.Equal([101L, 102L], cursor.TakeNew([97L, 98L, 99L, 100L, 102L, 101L], id => id));
    }

    [Fact]
    public void Rows_older_than_the_window_or_seen_before_are_ignored()
    {
        var cursor = new SignalCursor(lookback: 2);
        cursor.Start(newestId: 0, recentIds: []);
        for (long id = 1; id <= 1000; id++)
            Assert.Single(cursor.TakeNew([id], x => x));

        Assert.Empty(cursor.TakeNew([5L, 997L, 998L, 999L, 1000L], id => id));
        Assert.Equal(1000, cursor.Last);
    }

    [Fact]
    public void Reading_before_starting_is_a_bug()
    {
        Assert.Throws<InvalidOperationException>(() => new SignalCursor().TakeNew([1L], id => id));
    }
}
