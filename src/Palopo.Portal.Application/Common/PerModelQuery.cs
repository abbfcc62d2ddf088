using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Palopo.Portal.Application.Common;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>)
/// for a page every signed-in request pays for: it skips building the LINQ tree, extracting its
/// parameters and looking the plan up in EF's query cache (ADR 0014). EF binds a compiled query to
/// the model it first ran on, and this portal has one model per provider and personal-data key
/// (tests run a SQLite and a PostgreSQL host side by side), so the query is compiled once per model.
/// </summary>
public sealed class PerModelQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(IPortalDbContext db) => ForContext((DbContext)db);

    public TQuery ForContext(DbContext context)
    {
        var model = context.Model;
        return _byModel.TryGetValue(model, out var query) ? query : _byModel.GetValue(model, _ => compile());
    }
}
