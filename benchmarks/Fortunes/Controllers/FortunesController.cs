using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fortunes.Controllers;

/// <summary>
/// TechEmpower test 4: read every fortune, add one at request time (never stored), sort by
/// message, render an HTML table through a Razor view (which escapes the messages).
/// </summary>
public sealed class FortunesController(FortuneDb db) : Controller
{
    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var fortunes = await db.Fortunes.ToListAsync(ct);
        fortunes.Add(new Fortune { Id = 0, Message = "Additional fortune added at request time." });
        fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View(fortunes);
    }
}
