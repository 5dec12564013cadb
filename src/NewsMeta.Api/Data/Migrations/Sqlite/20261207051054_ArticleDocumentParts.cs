using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// Each stored document gains its relations on their own (what a GraphQL page reads per row). Existing
    /// rows are rendered by the start-up backfill; until then GraphQL reads their full documents.
    /// </summary>
    public partial class ArticleDocumentParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Parts",
                table: "ArticleDocuments",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Parts",
                table: "ArticleDocuments");
        }
    }
}
