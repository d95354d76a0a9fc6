import { render } from 'preact';

function Options() {
  return <main id="options">Image Gently Companion</main>;
}

render(<Options />, document.getElementById('app')!);
