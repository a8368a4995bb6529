/** The document shell: head, global styles and the router outlet. */
import { component$ } from '@builder.io/qwik';
import { QwikCityProvider, RouterOutlet } from '@builder.io/qwik-city';
import { RouterHead } from './components/ui/router-head/RouterHead';
import { SwRegister } from './components/ui/sw-register/SwRegister';
import './global.css';

export default component$(() => (
  <QwikCityProvider>
    <head>
      <meta charset="utf-8" />
      <RouterHead />
    </head>
    <body>
      <RouterOutlet />
      <SwRegister />
    </body>
  </QwikCityProvider>
));
