using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// Each article's stored links also without their reasons (ArticleLinksDocuments.PartsLinks), for GraphQL
    /// pages. Rows stored before stay null until rendered again; readers then take the links with reasons.
    /// </summary>
    public partial class ArticleLinksWithoutReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PartsLinks",
                table: "ArticleLinksDocuments",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartsLinks",
                table: "ArticleLinksDocuments");
        }
    }
}
