/** A rejected CSV import's row errors: row, column and problem, with the total when only the first are listed. */
import { component$ } from '@builder.io/qwik';

interface Props {
  errors: { row: number; column: string | null; message: string }[];
  total: number;
}

export const ImportErrors = component$<Props>(({ errors, total }) => (
  <div class="adm-table-wrap">
    <table class="adm-table">
      <caption>
        {total > errors.length ? `The first ${errors.length} of ${total} errors` : `${total} errors`} (row 1
        is the header)
      </caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr key={`${e.row}-${e.column}-${e.message}`}>
            <td>{e.row}</td>
            <td>{e.column ? <code class="adm-code">{e.column}</code> : '—'}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
));
