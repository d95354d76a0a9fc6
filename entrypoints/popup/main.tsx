import { render } from 'preact';

function Popup() {
  return <main id="popup">Image Gently Companion</main>;
}

render(<Popup />, document.getElementById('app')!);
