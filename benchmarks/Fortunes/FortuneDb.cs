using Microsoft.EntityFrameworkCore;

namespace Fortunes;

public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = "";
}

public sealed class FortuneDb(DbContextOptions<FortuneDb> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Fortune>(e =>
        {
            e.ToTable("Fortune");
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.Message).HasMaxLength(2048);
        });

    /// <summary>The twelve rows of the TechEmpower "Fortunes" table, verbatim.</summary>
    public static IEnumerable<Fortune> SeedRows() =>
    [
        new() { Id = 1, Message = "fortune: No such file or directory" },
        new() { Id = 2, Message = "A computer scientist is someone who fixes things that aren't broken." },
        new() { Id = 3, Message = "After enough decimal points, nobody gives a damn." },
        new() { Id = 4, Message = "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1" },
        new() { Id = 5, Message = "A computer program does what you tell it to do, not what you want it to do." },
        new() { Id = 6, Message = "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen" },
        new() { Id = 7, Message = "Any program that runs right the first time is probably incorrect." },
        new() { Id = 8, Message = "A list is only as strong as its weakest link. \u2014 Donald Knuth" },
        new() { Id = 9, Message = "Feature: A bug with seniority." },
        new() { Id = 10, Message = "Computers make very fast, very accurate mistakes." },
        new() { Id = 11, Message = "<script>alert(\"This should not be displayed in a browser alert box.\");</script>" },
        new() { Id = 12, Message = "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af" },
    ];
}
