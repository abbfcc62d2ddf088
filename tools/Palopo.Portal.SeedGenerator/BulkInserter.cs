using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Palopo.Portal.SeedGenerator;

/// <summary>
/// Writes entities with a prepared single-row INSERT built from the EF model (table, columns and each
/// column's type mapping, value converters included), so the rows are exactly what SaveChanges would
/// write, without change tracking. For benchmark data only.
/// </summary>
internal sealed class BulkInserter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;

    public BulkInserter(DbContext db, DbConnection connection)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
        _command = connection.CreateCommand();
        _command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(table) + "\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        _columns = properties.Select((p, i) =>
        {
            if (p.IsShadowProperty())
                throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property; the bulk writer needs CLR values.");
            var mapping = (RelationalTypeMapping)p.GetTypeMapping();
            var parameter = mapping.CreateParameter(_command, "@p" + i, null, p.IsNullable);
            _command.Parameters.Add(parameter);
            return (p, mapping, parameter);
        }).ToArray();
        _command.Prepare();
    }

    public DbTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(T row)
    {
        foreach (var (property, mapping, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
            // CreateParameter applies the value converter and the provider's own conversion (e.g. Guid as upper-case TEXT on SQLite).
            var fresh = mapping.CreateParameter(_command, parameter.ParameterName, value, property.IsNullable);
            parameter.Value = fresh.Value;
            parameter.DbType = fresh.DbType;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
