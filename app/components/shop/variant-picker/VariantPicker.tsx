/** Option choice for any option types (Size, Colour, Material…) as radio groups styled as buttons and swatches. */
import { component$, type Signal } from '@builder.io/qwik';
import type { OptionType } from '@db/repositories/catalog';
import { swatchFor } from './colour-swatches';

interface Props {
  optionTypes: OptionType[];
  /** The chosen value per option type, by position; posted as `option_0`, `option_1`… */
  values: Signal<string[]>;
}

function isColour(name: string): boolean {
  return /^colou?r$/i.test(name);
}

/** Radio groups work with the keyboard (arrow keys) and without JavaScript; the signal mirrors the choice. */
export const VariantPicker = component$<Props>(({ optionTypes, values }) => (
  <>
    {optionTypes.map((type, i) => (
      <fieldset class="option-group" key={type.name}>
        <legend>
          {type.name}: <span>{values.value[i]}</span>
        </legend>
        <div class="choices">
          {type.values.map((value) => (
            <label class="choice" key={value}>
              <input
                type="radio"
                name={`option_${i}`}
                value={value}
                checked={values.value[i] === value}
                onChange$={() => {
                  const next = [...values.value];
                  next[i] = value;
                  values.value = next;
                }}
              />
              <span class="choice-label">
                {isColour(type.name) && (
                  <span class="swatch" style={{ background: swatchFor(value) }} aria-hidden="true" />
                )}
                {value}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    ))}
  </>
));
