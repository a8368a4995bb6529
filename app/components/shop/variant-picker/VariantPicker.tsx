/** Size and colour choice as radio groups styled as buttons and swatches; posts `size` and `colour` with the form. */
import { component$, type Signal } from '@builder.io/qwik';
import { swatchFor } from './colour-swatches';

interface Props {
  sizes: string[];
  colours: string[];
  size: Signal<string>;
  colour: Signal<string>;
}

/** Radio groups work with the keyboard (arrow keys) and without JavaScript; the signals mirror the choice. */
export const VariantPicker = component$<Props>(({ sizes, colours, size, colour }) => (
  <>
    {colours.length > 0 && (
      <fieldset class="option-group">
        <legend>
          Colour: <span>{colour.value}</span>
        </legend>
        <div class="choices">
          {colours.map((c) => (
            <label class="choice" key={c}>
              <input
                type="radio"
                name="colour"
                value={c}
                checked={colour.value === c}
                onChange$={() => {
                  colour.value = c;
                }}
              />
              <span class="choice-label">
                <span class="swatch" style={{ background: swatchFor(c) }} aria-hidden="true" />
                {c}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    )}
    {sizes.length > 0 && (
      <fieldset class="option-group">
        <legend>
          Size: <span>{size.value}</span>
        </legend>
        <div class="choices">
          {sizes.map((s) => (
            <label class="choice" key={s}>
              <input
                type="radio"
                name="size"
                value={s}
                checked={size.value === s}
                onChange$={() => {
                  size.value = s;
                }}
              />
              <span class="choice-label">{s}</span>
            </label>
          ))}
        </div>
      </fieldset>
    )}
  </>
));
